import GongwenCheck
import GongwenModel
import Testing

@Suite("change.delta")
struct ChangeDeltaRuleTests {
    let rule = ChangeDeltaRule()

    @Test func amountThatIsNotTheDifference() throws {
        let fixture = Fixture("全市乡镇(街道)从200个优化到139个,共减少乡级行政区1️⃣70个2️⃣,减幅达30.5%。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "减少 70个 与 200 − 139 = 61个 不符")
        #expect(found.first?.messageEn == "减少 70个 does not match 200 − 139 = 61个")
        #expect(found.first?.stated == 70)
        #expect(found.first?.expected == 61)
        #expect(found.first?.evidence == [fixture.span(of: "200个"), fixture.span(of: "139个")])
    }

    @Test func oneUnitOffIsAWarning() throws {
        let fixture = Fixture("建制村由2177优化1316个,减少1️⃣862个2️⃣,减幅达39.54%。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "减少 862个 与 2177 − 1316 = 861个 不符(差末位一个单位)")
    }

    @Test func unitWrittenOnce() throws {
        let fixture = Fixture("干部待遇由1500增加到2600元,增加1️⃣1200元2️⃣。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
        #expect(try Fixture("干部待遇由1500增加到2600元,增加1100元。").findings(rule).isEmpty)
    }

    @Test func differencesThatHold() throws {
        let fixture = Fixture("""
            全市乡镇(街道)从200个优化到139(其中:6个乡、116个镇、17个街道)共减少乡级行政区61个,减幅达30.5%。
            建制村由2177优化1316个,减少861个。
            全市常住人口由52.4万人增加到53.6万人,增加1.2万人。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
