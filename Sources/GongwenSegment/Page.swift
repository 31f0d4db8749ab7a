import GongwenModel
import GongwenText

/// The lines of a document while it is segmented, with the role and the chrome kind found for each
/// line so far: the recognisers (`PageChrome`, `TitleBlock`, `RecipientLine`, `SignOff`, …) read it
/// and claim lines in turn.
///
/// For `国务院办公厅关于…的复函\n湖北省人民政府:\n…` every line starts unclaimed; `TitleBlock` gives
/// line 1 the role `title` and `RecipientLine` line 2 the role `recipient`.
struct Page {
    let source: SourceText
    let lines: [Line]
    var roles: [Paragraph.Role?]
    /// The kind of chrome of each boilerplate line (`page_meta`, `navigation`, `page_number` …).
    var chromeKinds: [String?]

    init(_ source: SourceText) {
        self.source = source
        self.lines = Line.lines(of: source)
        self.roles = Array(repeating: nil, count: lines.count)
        self.chromeKinds = Array(repeating: nil, count: lines.count)
    }

    /// Whether line `index` has text and no role yet.
    func isUnclaimed(_ index: Int) -> Bool {
        !lines[index].isBlank && roles[index] == nil
    }

    /// The non-blank lines no recogniser has claimed.
    var unclaimed: [Int] { lines.indices.filter(isUnclaimed) }

    /// The last line that is not blank and not chrome.
    var lastContentLine: Int {
        var index = lines.count - 1
        while index > 0, lines[index].isBlank || roles[index] == .boilerplate { index -= 1 }
        return index
    }

    /// The heading marker that starts line `index`, if any.
    func marker(_ index: Int) -> Marker? {
        Marker.heading(in: source.folded, at: lines[index].content.start, end: lines[index].content.end)
    }
}
