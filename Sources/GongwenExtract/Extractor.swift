import GongwenModel
import GongwenSegment
import GongwenText

/// What the extract stage adds to a document: every number with its kind, the claims among them
/// with their links, and the enumerated lists.
///
/// For `建制村由2177优化1316个,减少861个,减幅达39.54%` the extraction holds four number mentions,
/// four claims and one change {from 2177, to 1316, delta 861, rate 39.54%}.
public struct Extraction: Sendable, Equatable {
    public var numbers: [NumberMention]
    public var claims: [Claim]
    public var changes: [Change]
    public var breakdowns: [Breakdown]
    public var rates: [Rate]
    public var structures: [Structure]
    public var growthSplits: [GrowthSplit]
    public var lists: [EnumeratedList]
}

/// The extract stage: numbers → claims → links; sections and count labels → lists.
public enum Extractor {
    public static func extract(_ source: SourceText, segmentation: Segmentation) -> Extraction {
        // A table's cells carry the unit of their column (`产量(万吨)`); its layout states its own links.
        let cells = {
            let read = TableReader(source: source).tables()
            let taken = Set(read.flatMap { $0.rows.map(\.line) })
            return TableCells(tables: read + TextLayerTables(source: source, taken: taken).tables(), source: source)
        }()
        let numbers = cells.apply(to: NumberExtractor.mentions(in: source), source: source)
        let builder = ClaimBuilder(source: source, segmentation: segmentation)
        var claims = builder.claims(from: numbers)
        // The linkers read `claims` and are gone before the claims are named: the array changes in place.
        let (links, names, claimAt) = {
            let linker = Linker(source: source, claims: claims)
            let tables = TableLinker(cells: cells, claims: claims)
            return (tables.merge(linker.links()), linker.names, tables.claimAt)
        }()
        for (index, name) in names.enumerated() { claims[index].name = name }
        TableLinker.name(&claims, cells: cells, claimAt: claimAt)
        builder.inheritSubjects(&claims, changes: links.changes)
        let lists = ListBuilder(source: source, segmentation: segmentation, numbers: numbers).lists()
        return Extraction(numbers: numbers, claims: claims, changes: links.changes, breakdowns: links.breakdowns, rates: links.rates,
                          structures: links.structures, growthSplits: links.splits, lists: lists)
    }
}
