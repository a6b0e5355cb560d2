/// What the pane area shows.
public enum BodyModel: Sendable, Equatable {
    case table(TableModel)
    case detail(DetailModel)
    case describe(DescribeModel)
    /// A plain message (e.g. nothing loaded yet).
    case message(String)
}

/// Everything one frame shows. Built from the store's state by the app; drawn by `ScreenRenderer`.
public struct ScreenModel: Sendable, Equatable {
    /// Which key map applies (hint line, help, dispatch).
    public var scope: KeyScope
    public var header: HeaderModel
    public var breadcrumb: BreadcrumbModel
    public var body: BodyModel
    /// Title in the box's top edge (optional).
    public var bodyTitle: String?
    public var banner: BannerModel?
    public var overlay: OverlayModel?

    public init(scope: KeyScope, header: HeaderModel, breadcrumb: BreadcrumbModel, body: BodyModel,
                bodyTitle: String? = nil, banner: BannerModel? = nil, overlay: OverlayModel? = nil) {
        self.scope = scope
        self.header = header
        self.breadcrumb = breadcrumb
        self.body = body
        self.bodyTitle = bodyTitle
        self.banner = banner
        self.overlay = overlay
    }
}
