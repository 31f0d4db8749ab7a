import Gongwen
import GongwenModel
import Testing
import TestSupport

/// The change, breakdown and rate statements of the seed documents, read by hand, each linked
/// with the right claims.
@Suite("seed links")
struct SeedLinkTests {
    func document(_ name: String) throws -> Document {
        try Analysis.run(path: Repository.corpus.appendingPathComponent(name).path).document
    }

    /// Each change as `from→to Δdelta r%rate` in claim texts.
    func changes(_ document: Document) -> [String] {
        document.changes.map { change in
            let text = { (id: Int?) in id.map { document.claims[$0].text } ?? "-" }
            return "\(text(change.from))→\(text(change.to)) Δ\(text(change.delta)) r\(text(change.rate))"
        }
    }

    /// Each breakdown as `total=part+part` in claim texts.
    func breakdowns(_ document: Document) -> [String] {
        document.breakdowns.map { b in "\(document.claims[b.total].text)=\(b.parts.map { document.claims[$0].text }.joined(separator: "+"))" }
    }

    @Test func seed000() throws {
        let doc = try document("000_842ce01806219f2e.txt")
        #expect(changes(doc) == [
            "200个→139 Δ61个 r30.5%", "2177→1316个 Δ861个 r39.54%", "61.37平方千米→84.75平方千米 Δ- r-", "1.84万人→2.71万人 Δ- r-",
            "1556个→92个 Δ- r-", "0个→5个 Δ- r-", "5.27平方公里→8.73平方公里 Δ- r-", "3.5人→5.4人 Δ- r-", "1500→2600元 Δ- r-",
            "52岁→43岁 Δ- r-", "3.5人→5.4人 Δ- r-", "1500→2600元 Δ- r-", "52岁→43岁 Δ- r-",
        ])
        #expect(breakdowns(doc) == ["139=6个+116个+17个", "385个=105个+280个"])
        #expect(doc.rates.count == 1)
        let share = try #require(doc.rates.first { $0.kind == .share })
        #expect(doc.claims[share.rate].text == "29.8%")
        #expect(share.denominatorParts?.map { doc.claims[$0].text } == ["150个", "353个"])
    }

    @Test func seed003() throws {
        let doc = try document("003_bae5fa7c6a583b1e.txt")
        let rates = doc.rates.map { r in "\(doc.claims[r.rate].text)=\(doc.claims[r.numerator].text)/\(r.denominator.map { doc.claims[$0].text } ?? "-")" }
        #expect(rates == ["97.8%=52.04万件/53.21万件", "92.56%=49.25万件/53.21万件"])
        #expect(breakdowns(doc) == ["14个=10个+4个", "52.04万件=49.25万件"])
    }

    /// The claims of a seed are exactly its numbers of a claim kind: years, dates, doc numbers,
    /// ordinals and count words never become claims, and no quantity is left out.
    @Test func claimsAreTheNumbersOfClaimKinds() throws {
        for url in try Repository.corpusFiles() {
            let doc = try Analysis.run(path: url.path).document
            let claimSpans = doc.claims.map { "\($0.text)@\($0.start)" }
            let numberSpans = doc.numbers.filter(\.kind.isClaim).map { "\($0.text)@\($0.start)" }
            #expect(claimSpans == numberSpans, "\(url.lastPathComponent)")
        }
    }
}
