import GongwenModel
import GongwenText

/// Every link among a document's claims, each from its own linker over one shared reading of the
/// claims: changes (`由A到B`, a level and its change, levels and their changes after `分别`), partitions (`其中`, `按…分`, and the changes of a
/// partition's members), a fund's balances (`当年收支结余`, `年末滚存结余`), shares and rates
/// (`占…的r%`, `化解率`), structure ratios (`a:b:c`).
///
/// `全市城镇居民人均可支配收入46553元，比上年增加2033元，增长4.6%` gives one change; `年末全市共有保险机构
/// 43家，其中财产险公司18家，虚拟财险公司1家，人身险公司24家` one breakdown.
struct Linker {
    let readings: Readings
    /// The `分别` lists: changes paired with their levels, every listed claim, and the unpaired items named by the
    /// words before `分别` (their names are the claims' names).
    let respectively: (changes: [Change], listed: Set<Int>, named: [Int: RespectivelyLinker.Listed])

    init(source: SourceText, claims: [Claim]) {
        readings = Readings(source: source, claims: claims)
        respectively = RespectivelyLinker(readings: readings).changes()
    }

    /// The name each claim was read with (`ClaimReading.name`, a listed item's from its list), empty names as nil.
    var names: [String?] {
        readings.readings.indices.map { index in
            let name = respectively.named[index]?.name ?? readings.readings[index].name
            return name.isEmpty ? nil : name
        }
    }

    func links() -> (changes: [Change], breakdowns: [Breakdown], rates: [Rate], structures: [Structure], splits: [GrowthSplit]) {
        let fromTo = FromToLinker(readings: readings).changes()
        let used = Set(fromTo.flatMap { [$0.from, $0.to, $0.delta, $0.rate].compactMap { $0 } })
        let (paired, listed, named) = respectively
        let respectively = paired.filter { [$0.to, $0.delta, $0.rate].compactMap { $0 }.allSatisfy { !used.contains($0) } }
        let levels = LevelChangeLinker(readings: readings).changes(skipping: used.union(listed))
        let comparisons = ComparisonLinker(readings: readings, changes: levels + respectively).changes()
        let changes = OutturnLinker(readings: readings).based(fromTo + respectively + levels + comparisons)
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        let (partitions, splits) = PartitionLinker(readings: readings, changes: changes, listed: named).links()
        let ofChanges = ChangePartitionLinker(claims: readings.claims, changes: changes, partitions: partitions).breakdowns()
        let balances = BalanceLinker(readings: readings).breakdowns()
        let sums = SumLinker(readings: readings).breakdowns()
        let breakdowns = (partitions + ofChanges + balances + sums).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        return (changes, breakdowns, ShareLinker(readings: readings, breakdowns: partitions).rates(), StructureLinker(readings: readings).structures(),
                splits)
    }
}
