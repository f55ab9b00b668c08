/// One `label: value` line of a field list (the report's particulars, a finding's facts).
struct DocumentField: Sendable, Equatable {
    var label: String
    var value: [DocumentSpan]

    init(_ label: String, _ value: [DocumentSpan]) {
        self.label = label
        self.value = value
    }

    init(_ label: String, _ text: String) {
        self.init(label, [.text(text)])
    }
}
