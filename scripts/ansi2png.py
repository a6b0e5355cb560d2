#!/usr/bin/env python3
"""Render a terminal capture with ANSI colours (`tmux capture-pane -p -e`) to a PNG.

Usage: ansi2png.py CAPTURE.txt OUT.png [--cols N] [--rows N]
Cells are laid on a fixed grid; East Asian wide characters take two cells, as in the terminal.
Needs Pillow and wcwidth (scripts/screenshots installs them in a virtualenv).
"""
import argparse
import re
import sys

from PIL import Image, ImageDraw, ImageFont
from wcwidth import wcwidth

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
]
BOLD_FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"]
# Symbols the monospace font lacks (spinner, braille) are drawn with the proportional DejaVu.
SYMBOL_FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
# Fallbacks for glyphs DejaVu lacks (CJK); the first that exists is used.
WIDE_FONT_PATHS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/unifont/unifont.ttf",
    "/usr/share/fonts/opentype/unifont/unifont.otf",
]

DEFAULT_FG = (220, 223, 228)
DEFAULT_BG = (30, 33, 39)
BASE16 = [
    (40, 44, 52), (224, 108, 117), (152, 195, 121), (229, 192, 123),
    (97, 175, 239), (198, 120, 221), (86, 182, 194), (220, 223, 228),
    (92, 99, 112), (240, 128, 138), (172, 215, 141), (249, 212, 143),
    (117, 195, 255), (218, 140, 241), (106, 202, 214), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def load_font(paths, size):
    for p in paths:
        try:
            return ImageFont.truetype(p, size)
        except OSError:
            continue
    return None


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESC = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = False
        self.dim = False
        self.reverse = False
        self.underline = False

    def copy(self):
        s = Style()
        s.__dict__.update(self.__dict__)
        return s

    def apply(self, params):
        codes = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    color = xterm256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    color = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    color = None
                if c == 38:
                    self.fg = color
                else:
                    self.bg = color
            i += 1


def parse(text, cols, rows):
    grid = [[(" ", Style()) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                style.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER_ESC.match(line, pos)
            if m:
                pos = m.end()
                continue
            ch = line[pos]
            pos += 1
            w = wcwidth(ch)
            if w < 0:
                continue
            if w == 0:
                if x > 0:  # combining mark: join the previous cell
                    prev, st = grid[y][x - 1]
                    if prev == "" and x > 1:
                        prev2, st2 = grid[y][x - 2]
                        grid[y][x - 2] = (prev2 + ch, st2)
                    else:
                        grid[y][x - 1] = (prev + ch, st)
                continue
            if x + w > cols:
                break
            grid[y][x] = (ch, style.copy())
            if w == 2:
                grid[y][x + 1] = ("", style.copy())
            x += w
    return grid


def render(grid, out, size=16):
    font = load_font(FONT_PATHS, size)
    bold = load_font(BOLD_FONT_PATHS, size) or font
    wide = load_font(WIDE_FONT_PATHS, size)
    symbol = load_font(SYMBOL_FONT_PATHS, size)
    notdef = bytes(font.getmask("\U000FFFFD"))
    if font is None:
        sys.exit("ansi2png: no monospace font found (install fonts-dejavu-core)")
    bbox = font.getbbox("M")
    cw = font.getlength("M")
    ch = int(size * 1.35)
    cols, rows = len(grid[0]), len(grid)
    pad = 12
    img = Image.new("RGB", (int(cw * cols) + 2 * pad, ch * rows + 2 * pad), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, (text, st) in enumerate(row):
            if text == "":
                continue
            width = 2 if text and wcwidth(text[0]) == 2 else 1
            fg = st.fg or DEFAULT_FG
            bg = st.bg or DEFAULT_BG
            if st.reverse:
                fg, bg = bg, fg
            if st.dim:
                fg = tuple((c + b) // 2 for c, b in zip(fg, bg))
            x0, y0 = pad + x * cw, pad + y * ch
            if bg != DEFAULT_BG:
                draw.rectangle([x0, y0, x0 + cw * width, y0 + ch], fill=bg)
            if text.strip():
                f = bold if st.bold else font
                if width == 2 and wide is not None:
                    f = wide
                elif bytes(f.getmask(text[0])) == notdef:
                    f = symbol or wide or f
                draw.text((x0, y0 + (ch - size) / 2 - bbox[1] / 2), text, font=f, fill=fg)
            if st.underline:
                draw.line([x0, y0 + ch - 2, x0 + cw * width, y0 + ch - 2], fill=fg)
    img.save(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("capture")
    ap.add_argument("out")
    ap.add_argument("--cols", type=int, default=0)
    ap.add_argument("--rows", type=int, default=0)
    args = ap.parse_args()
    text = open(args.capture, encoding="utf-8", errors="replace").read().rstrip("\n")
    lines = text.split("\n")
    cols = args.cols or max(sum(max(wcwidth(c), 0) for c in SGR.sub("", l)) for l in lines)
    rows = args.rows or len(lines)
    render(parse(text, cols, rows), args.out)


if __name__ == "__main__":
    main()
