import Foundation
import Testing
import TestSupport

/// `gongwen evaluate` on a two-line document and a key written for it: what it counts as linked,
/// as a right link, as a real finding and as a found seeded error.
@Suite("gongwen evaluate", .serialized)
struct EvaluateCommandTests {
    let gongwen = Repository.executable

    /// Line 1 holds (22258 − 1894 = 20364, 1894/20364 = 9.30%); line 2 is wrong (6.53 − 8.79 = −2.26, not −2.16).
    let document = "全年城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%。\n人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.16‰。\n"
    let key = """
        file\tline\ttype\toperands\tholds\tnote
        seeds/x.txt\t1\tchange\tlevel=22258元; delta=1894元; rate=9.3%\ty\t1894/20364=9.30%
        seeds/x.txt\t2\tidentity\tresult=-2.16‰; term=6.53‰; minus=8.79‰\tn\t6.53-8.79=-2.26
        """

    @Test func countsLinksFindingsAndSeededErrors() throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try document.write(to: folder.appendingPathComponent("seeds/x.txt"), atomically: true, encoding: .utf8)
        try key.write(to: folder.appendingPathComponent("key.tsv"), atomically: true, encoding: .utf8)
        try "file\tsplit\nseeds/x.txt\theldout\n".write(to: folder.appendingPathComponent("split.tsv"), atomically: true, encoding: .utf8)
        let result = try run(gongwen, ["evaluate", folder.appendingPathComponent("key.tsv").path, "--split", "heldout", "--seeded",
                                       "--split-file", folder.appendingPathComponent("split.tsv").path, "--root", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            documents: 1 (heldout)
            relations linked (recall):        1.00 (2/2)
            links that are keyed (precision): 1.00 (2/2)
            error+warning findings real:      1.00 (1/1)
            real inconsistencies found:       1.00 (1/1)
            seeded errors detected:           1.00 (3/3)

            """)
    }
}
