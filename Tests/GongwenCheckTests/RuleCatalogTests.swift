import Foundation
import GongwenCheck
import Testing
import TestSupport

@Suite("rule catalog")
struct RuleCatalogTests {
    @Test func docsRulesMatchesTheRegistry() throws {
        let url = Repository.root.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let generated = RuleCatalog.markdown()
        #expect(committed == generated, "docs/rules.md is out of date: run `gongwen rules --format markdown > docs/rules.md`")
    }

    @Test func catalogNamesEveryRuleAndThePrecisionContract() {
        let markdown = RuleCatalog.markdown()
        for id in RuleRegistry.ids {
            #expect(markdown.contains("### \(id)"))
        }
        #expect(markdown.contains("## Precision semantics"))
        #expect(markdown.contains("[52.035万, 52.045万)"))
        #expect(markdown.contains("truncated"))
    }
}
