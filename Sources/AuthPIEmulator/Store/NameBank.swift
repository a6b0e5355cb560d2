/// Realistic, varied names (accents, Cyrillic, Greek, CJK and Hangul wide characters) for seeded users.
enum NameBank {
    struct Name: Sendable {
        let display: String
        let ascii: String
    }

    struct Culture: Sendable {
        let locale: String
        let timezone: String
        let region: String
        /// Family name first (CJK, Hungarian, Vietnamese order).
        let familyFirst: Bool
        let separator: String
        let given: [Name]
        let family: [Name]
    }

    private static func names(_ pairs: [(String, String)]) -> [Name] { pairs.map { Name(display: $0.0, ascii: $0.1) } }

    static let cultures: [Culture] = [
        Culture(locale: "en-US", timezone: "America/New_York", region: "us-east-1", familyFirst: false, separator: " ",
                given: names([("James", "james"), ("Olivia", "olivia"), ("Liam", "liam"), ("Emma", "emma"), ("Noah", "noah"), ("Ava", "ava"), ("Ethan", "ethan"), ("Sophia", "sophia"), ("Mason", "mason"), ("Harper", "harper")]),
                family: names([("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"), ("O'Connor", "oconnor"), ("Miller", "miller"), ("Davis", "davis"), ("Wilson", "wilson")])),
        Culture(locale: "es-ES", timezone: "Europe/Madrid", region: "eu-west-1", familyFirst: false, separator: " ",
                given: names([("José", "jose"), ("María", "maria"), ("Lucía", "lucia"), ("Andrés", "andres"), ("Inés", "ines"), ("Ramón", "ramon")]),
                family: names([("García", "garcia"), ("Fernández", "fernandez"), ("Martínez", "martinez"), ("Peña", "pena"), ("Núñez", "nunez"), ("López", "lopez")])),
        Culture(locale: "de-DE", timezone: "Europe/Berlin", region: "eu-central-1", familyFirst: false, separator: " ",
                given: names([("Jürgen", "juergen"), ("Lena", "lena"), ("Björn", "bjoern"), ("Jörg", "joerg"), ("Anneliese", "anneliese"), ("Maximilian", "maximilian")]),
                family: names([("Müller", "mueller"), ("Schäfer", "schaefer"), ("Groß", "gross"), ("Weiß", "weiss"), ("Köhler", "koehler"), ("Schmidt", "schmidt")])),
        Culture(locale: "fr-FR", timezone: "Europe/Paris", region: "eu-west-3", familyFirst: false, separator: " ",
                given: names([("Amélie", "amelie"), ("François", "francois"), ("Chloé", "chloe"), ("Hélène", "helene"), ("Théo", "theo"), ("Zoë", "zoe")]),
                family: names([("Dubois", "dubois"), ("Lefèvre", "lefevre"), ("Moreau", "moreau"), ("Girard", "girard"), ("Rousseau", "rousseau"), ("Bézier", "bezier")])),
        Culture(locale: "sv-SE", timezone: "Europe/Stockholm", region: "eu-north-1", familyFirst: false, separator: " ",
                given: names([("Åsa", "asa"), ("Søren", "soren"), ("Ingrid", "ingrid"), ("Öjvind", "ojvind"), ("Linnéa", "linnea")]),
                family: names([("Lindqvist", "lindqvist"), ("Ångström", "angstrom"), ("Sørensen", "sorensen"), ("Bergström", "bergstrom"), ("Nyström", "nystrom")])),
        Culture(locale: "pl-PL", timezone: "Europe/Warsaw", region: "eu-central-1", familyFirst: false, separator: " ",
                given: names([("Łukasz", "lukasz"), ("Zofia", "zofia"), ("Wojciech", "wojciech"), ("Małgorzata", "malgorzata"), ("Paweł", "pawel")]),
                family: names([("Wójcik", "wojcik"), ("Kowalczyk", "kowalczyk"), ("Zieliński", "zielinski"), ("Szymańska", "szymanska"), ("Dąbrowski", "dabrowski")])),
        Culture(locale: "tr-TR", timezone: "Europe/Istanbul", region: "eu-south-1", familyFirst: false, separator: " ",
                given: names([("Çağla", "cagla"), ("Şebnem", "sebnem"), ("Oğuz", "oguz"), ("İlker", "ilker")]),
                family: names([("Yılmaz", "yilmaz"), ("Öztürk", "ozturk"), ("Çelik", "celik"), ("Şahin", "sahin")])),
        Culture(locale: "ja-JP", timezone: "Asia/Tokyo", region: "ap-northeast-1", familyFirst: true, separator: " ",
                given: names([("太郎", "taro"), ("花子", "hanako"), ("翔太", "shota"), ("さくら", "sakura"), ("健一", "kenichi"), ("美咲", "misaki")]),
                family: names([("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("渡辺", "watanabe"), ("伊藤", "ito")])),
        Culture(locale: "zh-CN", timezone: "Asia/Shanghai", region: "ap-east-1", familyFirst: true, separator: "",
                given: names([("伟", "wei"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("磊", "lei"), ("秀英", "xiuying")]),
                family: names([("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("欧阳", "ouyang")])),
        Culture(locale: "ko-KR", timezone: "Asia/Seoul", region: "ap-northeast-2", familyFirst: true, separator: " ",
                given: names([("민준", "minjun"), ("서연", "seoyeon"), ("지훈", "jihoon"), ("하은", "haeun")]),
                family: names([("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi")])),
        Culture(locale: "ru-RU", timezone: "Europe/Moscow", region: "eu-central-1", familyFirst: false, separator: " ",
                given: names([("Дмитрий", "dmitry"), ("Анна", "anna"), ("Сергей", "sergey"), ("Ольга", "olga")]),
                family: names([("Иванов", "ivanov"), ("Смирнова", "smirnova"), ("Кузнецов", "kuznetsov"), ("Попова", "popova")])),
        Culture(locale: "el-GR", timezone: "Europe/Athens", region: "eu-south-1", familyFirst: false, separator: " ",
                given: names([("Νίκος", "nikos"), ("Ελένη", "eleni"), ("Γιώργος", "giorgos")]),
                family: names([("Παπαδόπουλος", "papadopoulos"), ("Οικονόμου", "oikonomou"), ("Γεωργίου", "georgiou")])),
        Culture(locale: "vi-VN", timezone: "Asia/Ho_Chi_Minh", region: "ap-southeast-1", familyFirst: true, separator: " ",
                given: names([("Văn An", "an"), ("Thị Hương", "huong"), ("Đức Minh", "minh"), ("Ngọc Ánh", "anh")]),
                family: names([("Nguyễn", "nguyen"), ("Trần", "tran"), ("Lê", "le"), ("Phạm", "pham")])),
        Culture(locale: "hi-IN", timezone: "Asia/Kolkata", region: "ap-south-1", familyFirst: false, separator: " ",
                given: names([("Priya", "priya"), ("Arjun", "arjun"), ("Ananya", "ananya"), ("Rohan", "rohan")]),
                family: names([("Sharma", "sharma"), ("Patel", "patel"), ("Iyer", "iyer"), ("Reddy", "reddy")])),
    ]

    static let emailDomains = ["example.com", "mail.example.org", "acme.test", "inbox.example.net", "corp.example"]
    static let departments = ["Engineering", "Sales", "Support", "Finance", "Design", "Operations", "Legal", "Marketing"]
    static let plans = ["free", "pro", "team", "enterprise"]
}
