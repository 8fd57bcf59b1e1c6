import BlueprintKit

/// Renders a ValidationReport in the format a command was asked for (check-job shares
/// validate's formats and exit codes).
public enum ReportOutput {
    public static func render(_ report: ValidationReport, _ format: OutputFormat, color: ColorChoice = .auto) {
        switch format {
        case .text: FileHandleOutput.stdout(TextRenderer(color: Terminal.color(color)).render(report))
        case .json: FileHandleOutput.stdout(JSONRenderer.render(report))
        case .sarif: FileHandleOutput.stdout(SARIFRenderer.render(report, toolVersion: BPCtlVersion.current))
        case .github: FileHandleOutput.stdout(GitHubRenderer.render(report))
        }
    }
}
