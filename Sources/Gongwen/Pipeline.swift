import Crypto
import Foundation
import GongwenCheck
import GongwenExtract
import GongwenModel
import GongwenSegment
import GongwenText

/// Options for reading and checking documents.
public struct PipelineOptions: Sendable {
    /// Files larger than this are refused with `DecodeError.tooLarge`.
    public var maxBytes: Int
    /// Which checker rules run and which findings are kept (`gongwen check --rule …`).
    public var check: CheckOptions
    /// The last stage to run; the benchmark times the stages one by one.
    public var through: Stage
    /// The time one document may take; `nil` runs it on the caller's thread with no limit.
    public var budget: DocumentBudget?

    /// The stages after decoding, in order.
    public enum Stage: Int, Sendable, Comparable, CaseIterable {
        case segment, extract, check

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public init(
        maxBytes: Int = SourceDecoder.defaultMaxBytes, check: CheckOptions = CheckOptions(), through: Stage = .check,
        budget: DocumentBudget? = .standard
    ) {
        self.maxBytes = maxBytes
        self.check = check
        self.through = through
        self.budget = budget
    }
}

/// One document through every stage, with the intermediate results kept for those who need them
/// (the outline printer, the checker's source lines, tests).
///
/// `Analysis.run(path: "corpus/000_842ce01806219f2e.txt")` decodes, folds, segments, extracts and
/// checks the reply letter of 巴中市民政局 and returns its `Document`.
public struct Analysis: Sendable {
    public var source: SourceText
    public var segmentation: Segmentation
    public var document: Document

    /// Reads and analyses the file at `path`; `.html`/`.htm` files go through the HTML parser.
    public static func run(path: String, options: PipelineOptions = PipelineOptions()) throws(DecodeError) -> Analysis {
        let bytes = try SourceDecoder.read(path: path, maxBytes: options.maxBytes)
        return try run(bytes: bytes, source: path, isHTML: HTMLText.isHTMLPath(path), options: options)
    }

    /// Analyses raw bytes named `source`, within `options.budget`: a document that runs past it is
    /// `DecodeError.budgetExceeded` naming the stage it was in.
    public static func run(bytes: [UInt8], source: String, isHTML: Bool = false, options: PipelineOptions = PipelineOptions()) throws(DecodeError) -> Analysis {
        if bytes.count > options.maxBytes { throw .tooLarge(source: source, bytes: bytes.count, limit: options.maxBytes) }
        guard let budget = options.budget else {
            return try analyse(bytes: bytes, source: source, isHTML: isHTML, options: options, watch: nil)
        }
        let watch = StageWatch(source: source, budget: budget, first: "decode")
        return try watch.run { () throws(DecodeError) in
            try analyse(bytes: bytes, source: source, isHTML: isHTML, options: options, watch: watch)
        }
    }

    private static func analyse(bytes: [UInt8], source: String, isHTML: Bool, options: PipelineOptions, watch: StageWatch?) throws(DecodeError) -> Analysis {
        let decoded = try SourceDecoder.decode(bytes, source: source, isHTML: isHTML)
        return try analyse(decoded, source: source, sha256: sha256(bytes), bytes: bytes.count, options: options, watch: watch)
    }

    /// The identity of a document in the store: SHA-256 of its bytes in lower-case hex
    /// (`巴中市民政局…` in UTF-8 and the same text in GB18030 are two identities).
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Analyses text that is already decoded (a JSON record of the stream mode).
    public static func run(text: String, source: String, options: PipelineOptions = PipelineOptions()) throws(DecodeError) -> Analysis {
        try run(bytes: Array(text.utf8), source: source, options: options)
    }

    static func analyse(
        _ decoded: DecodedSource, source name: String, sha256: String, bytes: Int, options: PipelineOptions, watch: StageWatch?
    ) throws(DecodeError) -> Analysis {
        try watch?.enter("segment")
        var text = SourceText(decoded.text)
        // Word keeps its paragraphs whole; every other format may have lost its layout.
        if decoded.format != .docx { BrokenLines.join(&text) }
        let segmentation = Segmenter.segment(text, chrome: decoded.boilerplate, pageMeta: decoded.pageMeta)
        var document = Document(
            source: name, sha256: sha256, encoding: decoded.encoding, format: decoded.format, bytes: bytes,
            text: decoded.text, characters: text.count)
        document.title = segmentation.title
        document.docType = segmentation.docType
        document.issuer = segmentation.issuer
        document.recipient = segmentation.recipient
        document.date = segmentation.date?.iso
        document.docNumbers = segmentation.docNumbers
        document.fields = segmentation.fields
        document.sections = segmentation.sections
        document.paragraphs = segmentation.paragraphs
        document.boilerplate = segmentation.boilerplate
        document.warnings = decoded.warnings
        if options.through >= .extract {
            try watch?.enter("extract")
            let extraction = Extractor.extract(text, segmentation: segmentation)
            document.numbers = extraction.numbers
            document.claims = extraction.claims
            document.changes = extraction.changes
            document.breakdowns = extraction.breakdowns
            document.rates = extraction.rates
            document.structures = extraction.structures
            document.growthSplits = extraction.growthSplits
            document.lists = extraction.lists
        }
        if options.through >= .check {
            try watch?.enter("check")
            let context = CheckContext(source: text, segmentation: segmentation, document: document, bounds: options.check.bounds,
                                       identities: options.check.identities)
            document.findings = Checker.check(context, options: options.check)
        }
        try watch?.enter("output")
        return Analysis(source: text, segmentation: segmentation, document: document)
    }
}
