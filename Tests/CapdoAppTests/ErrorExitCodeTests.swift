import CapdoCore
import Testing

/// The one place exit codes come from: a `CapdoError`'s code.
@Suite struct ErrorExitCodeTests {
    @Test(arguments: [
        (CapdoError.Code.usage, Int32(64)), (.config, 64), (.profile, 64), (.waivers, 64), (.locked, 3),
        (.snapshot, 1), (.io, 1), (.output, 1), (.capture, 1), (.history, 1), (.ruleSyntax, 1), (.openssl, 1),
        (.internalError, 1),
    ])
    func codeGivesTheDesignsExitCode(_ code: CapdoError.Code, _ exit: Int32) {
        #expect(CapdoError(code, "x").exitCode == exit)
    }

    @Test func codedKeepsMessageAndCause() {
        let error = CapdoError(.ruleSyntax, "p.yaml:3: invalid YAML", cause: "tab").coded(.profile)
        #expect(error == CapdoError(.profile, "p.yaml:3: invalid YAML", cause: "tab"))
        #expect(error.description == "p.yaml:3: invalid YAML (tab)")
    }

    @Test func emptyCauseIsNotShown() {
        #expect(CapdoError(.connect, "cannot connect", cause: "").description == "cannot connect")
    }
}
