/// Every rule bpctl runs. A test checks that each rule file under Rules/ is listed here, so a new
/// rule is one new file plus its line below.
public enum RuleCatalog {
    public static let fileRules: [any Rule.Type] = [
        RequiredFieldRule.self, FieldTypeRule.self, UnknownFieldRule.self, UnusedFieldRule.self,
        ToolStateRule.self, TemplateLeftoverRule.self, FalsyDefaultRule.self,
        StageRule.self, PipelineNameRule.self, PipelineNameLengthRule.self, RegionRule.self,
        RegionMismatchRule.self, WebdevPolicyRule.self,
        HandlerRule.self, PostHandlerRule.self, PostProcessingPairRule.self, CodeUriRule.self, HandlerSourceRule.self,
        ProtocolsNotCheckedRule.self, HandlerUnknownRule.self, PostHandlerUnknownRule.self,
        CommandPlaceholdersUncheckedRule.self, RequirementsFieldRule.self,
        AMIRule.self, InstanceTypeRule.self, TimeoutRangeRule.self, ShortExecutionTimeoutRule.self,
        ShutdownBehaviorRule.self, MaxCostRule.self, DeployLimitRule.self, WorkingDirectoryRule.self,
        CommandSyntaxRule.self, CommandPlaceholdersRule.self, UnquotedPlaceholderRule.self, CommandCleanupRule.self,
        LegacyEntryRule.self, MixedCheckoutRule.self, RunMainArgumentsRule.self,
        NoAffiliatesRule.self, AffiliateNameUniqueRule.self, AffiliateNameRule.self, AffiliateNameCaseRule.self,
        UserNamesRule.self, DuplicateUserRule.self, EmailUserNameRule.self, ContactEmailRule.self, GroupNameLengthRule.self,
    ]

    public static let fleetRules: [any FleetRule.Type] = [
        FleetPipelineNameRule.self, FleetUserGroupLimitRule.self, FleetGroupNameRule.self,
    ]

    /// Every description (file rules, fleet rules, meta findings), sorted by id.
    public static let descriptions: [RuleDescription] = {
        (fileRules.map { $0.description } + fleetRules.map { $0.description } + MetaRules.all).sorted { $0.id < $1.id }
    }()

    private static let byID: [String: RuleDescription] = {
        Dictionary(uniqueKeysWithValues: descriptions.map { ($0.id, $0) })
    }()

    public static func description(id: String) -> RuleDescription? { byID[id] }

    /// Resolve an id or a rule name ("BP130" or "ami-id") to its id.
    public static func resolve(_ idOrName: String) -> String? {
        if byID[idOrName.uppercased()] != nil { return idOrName.uppercased() }
        return descriptions.first { $0.name == idOrName.lowercased() }?.id
    }

    /// All ids and names, for "did you mean" on a mistyped --ignore.
    public static var allNames: [String] { descriptions.flatMap { [$0.id, $0.name] } }
}
