import Foundation
import GWICU
import GongwenModel

/// Text decoded from the bytes of one file, with what was learnt on the way.
///
/// A GB18030 file `巴中市民政局…` decodes to that text with `encoding` `GB18030`; an HTML page to the
/// text of its body, with the page chrome it could recognise from its markup in `boilerplate`.
public struct DecodedSource: Sendable {
    public var text: String
    public var encoding: String
    public var format: SourceFormat
    /// Malformed byte sequences replaced by U+FFFD.
    public var replacements: Int
    public var warnings: [String]
    /// Spans of the text that came from page chrome (navigation, footers) in the markup.
    public var boilerplate: [Boilerplate]
    /// Metadata the page declares (`ArticleTitle`, `PubDate`, `ContentSource` meta tags).
    public var pageMeta: [String: String]
    /// For a PDF, the span of each page's text (pages are separated by a form-feed line).
    public var pages: [Span] = []
}

/// Reads files and decodes bytes: UTF-8 (with or without BOM), GB18030 (and its subsets GBK and
/// GB2312), UTF-16 with a BOM, other charsets ICU's detector recognises; HTML through libxml2;
/// PDF through poppler and DOCX through ZIPFoundation and libxml2. Word 97-2003 and WPS files
/// (OLE compound files) are refused with an error that names the format.
public enum SourceDecoder {
    /// The default size limit of one input file.
    public static let defaultMaxBytes = 20 * 1_048_576

    /// Reads a regular file (following links), refusing directories, missing paths, FIFOs,
    /// devices and sockets, and files over `maxBytes` — counted on the bytes read, so a file that
    /// grows or lies about its size is cut off at the limit, not read to the end.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(DecodeError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(source: path) }
            throw .unreadable(source: path, reason: String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory(source: path)
        case S_IFIFO: throw .notRegular(source: path, kind: "FIFO")
        case S_IFCHR: throw .notRegular(source: path, kind: "character device")
        case S_IFBLK: throw .notRegular(source: path, kind: "block device")
        case S_IFSOCK: throw .notRegular(source: path, kind: "socket")
        default: throw .notRegular(source: path, kind: "special file")
        }
        if Int(info.st_size) > maxBytes { throw .tooLarge(source: path, bytes: Int(info.st_size), limit: maxBytes) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw .unreadable(source: path, reason: code == EACCES ? "permission denied" : String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(source: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes { throw .tooLarge(source: path, bytes: bytes.count, limit: maxBytes) }
        }
    }

    /// Decodes `bytes`; `source` names them in errors. PDF, DOCX and OLE files are recognised by
    /// their first bytes or by the extension of `source`; HTML by `isHTML` (from the file name) or
    /// by content that starts like a page.
    public static func decode(_ bytes: [UInt8], source: String, isHTML: Bool = false) throws(DecodeError) -> DecodedSource {
        if bytes.isEmpty { throw .empty(source: source) }
        let fileExtension = source.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if let office = try decodeOffice(bytes, source: source, fileExtension: fileExtension) { return office }
        let html = isHTML || HTMLText.sniff(bytes)
        var (text, encoding, replacements) = try decodeCharset(bytes, source: source, declared: html ? HTMLText.declaredCharset(bytes) : nil)
        var warnings: [String] = []
        if replacements > 0 {
            warnings.append("\(replacements) malformed byte sequence\(replacements == 1 ? "" : "s") in \(encoding) replaced by U+FFFD")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        var boilerplate: [Boilerplate] = []
        var pageMeta: [String: String] = [:]
        if html {
            let page = HTMLText.extract(text)
            text = page.text
            boilerplate = page.boilerplate
            pageMeta = page.meta
            warnings += page.warnings
        } else {
            text = normalizeLineBreaks(text)
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .empty(source: source)
        }
        return DecodedSource(
            text: text, encoding: encoding, format: html ? .html : .text, replacements: replacements,
            warnings: warnings, boilerplate: boilerplate, pageMeta: pageMeta)
    }

    /// OLE compound files (`.doc`, `.wps`, `.xls`) start with these bytes.
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// PDF and DOCX read, binary office formats refused; `nil` for everything else.
    private static func decodeOffice(_ bytes: [UInt8], source: String, fileExtension: String) throws(DecodeError) -> DecodedSource? {
        if bytes.starts(with: oleMagic) || ["doc", "wps"].contains(fileExtension) {
            let format = switch fileExtension {
            case "wps": "WPS (.wps)"
            case "doc": "Word 97-2003 (.doc)"
            default: "an OLE compound file (Word 97-2003 .doc, WPS .wps or Excel .xls)"
            }
            throw .unsupportedFormat(source: source, format: format)
        }
        if fileExtension == "pdf" || PDFText.sniff(bytes) {
            let read = try PDFText.extract(bytes, source: source)
            return DecodedSource(
                text: read.text, encoding: "UTF-8", format: .pdf, replacements: 0, warnings: [],
                boilerplate: read.boilerplate, pageMeta: [:], pages: read.pages)
        }
        if fileExtension == "docx" || DOCXText.sniff(bytes) {
            let read = try DOCXText.extract(bytes, source: source)
            if read.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty(source: source) }
            return DecodedSource(
                text: read.text, encoding: "UTF-8", format: .docx, replacements: 0, warnings: [],
                boilerplate: read.boilerplate, pageMeta: [:])
        }
        return nil
    }

    /// `\r\n` and lone `\r` become `\n`, so that lines and offsets agree across platforms.
    static func normalizeLineBreaks(_ text: String) -> String {
        // On the UTF-8 bytes (CR and LF are one byte each, and no other scalar holds those bytes), the CR
        // looked for with `memchr`: most texts hold none.
        var text = text
        let normalized = text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var previousCR = false
            for byte in bytes {
                if byte == 0x0D {
                    out.append(0x0A)
                    previousCR = true
                    continue
                }
                if !(byte == 0x0A && previousCR) { out.append(byte) }
                previousCR = false
            }
            return String(decoding: out, as: UTF8.self)
        }
        return normalized ?? text
    }

    private static func decodeCharset(_ bytes: [UInt8], source: String, declared: String?) throws(DecodeError) -> (String, String, Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (text, errors, _) = decodeUTF8(bytes[3...])
            return (text, "UTF-8", errors)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try convert(bytes[2...], charset: "UTF-16LE", source: source) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try convert(bytes[2...], charset: "UTF-16BE", source: source) }
        // `memchr`: the loop of `firstIndex(of: 0)` read 64 KB of every document a byte at a time.
        let nul = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, min(buffer.count, 65_536)) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul {
            throw .notText(source: source, reason: "NUL byte at byte \(nul)")
        }
        let (text, errors, multibyte) = decodeUTF8(bytes[...])
        // Mostly well-formed UTF-8 with a few bad sequences (a truncated last character, a damaged
        // byte) stays UTF-8; text in another charset shows almost no valid multi-byte sequences.
        if errors == 0 || (multibyte > 0 && errors <= max(1, multibyte / 20)) {
            try rejectControlHeavy(text, replacements: errors, source: source)
            return (text, "UTF-8", errors)
        }
        var charset = "GB18030"
        var name = [CChar](repeating: 0, count: 64)
        let confidence = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                gw_detect_charset(chars.baseAddress, Int32(min(chars.count, 65_536)), declared, &name, Int32(name.count))
            }
        }
        let detected = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if confidence >= 50, ["Big5", "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP", "EUC-KR"].contains(detected) {
            charset = detected
        }
        let result = try convert(bytes[...], charset: charset, source: source)
        try rejectControlHeavy(result.0, replacements: result.2, source: source)
        return result
    }

    /// Decodes UTF-8, replacing malformed sequences; returns the text, how many sequences were
    /// malformed and how many multi-byte scalars decoded well (evidence that this is UTF-8; only
    /// counted when something was malformed).
    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (String, Int, Int) {
        if let valid = String(validating: bytes, as: UTF8.self) {
            return (valid, 0, 0)
        }
        var errors = 0
        var multibyte = 0
        var out = String.UnicodeScalarView()
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value >= 0x80 { multibyte += 1 }
                out.append(scalar)
            case .error:
                errors += 1
                out.append("\u{FFFD}")
            case .emptyInput:
                break loop
            }
        }
        return (String(out), errors, multibyte)
    }

    private static func convert(_ bytes: ArraySlice<UInt8>, charset: String, source: String) throws(DecodeError) -> (String, String, Int) {
        if bytes.isEmpty { throw .empty(source: source) }
        var units = [UInt16](repeating: 0, count: bytes.count + 2)
        var substitutions: Int32 = 0
        let written = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                gw_convert_to_utf16(charset, chars.baseAddress, Int32(chars.count), &units, Int32(units.count), &substitutions)
            }
        }
        if written < 0 { throw .encoding(source: source, reason: "ICU cannot convert from \(charset)") }
        let text = String(decoding: units.prefix(Int(written)), as: UTF16.self)
        return (text, charset, Int(substitutions))
    }

    /// Refuses text that is mostly control characters or replacement characters: binary data that
    /// happened to contain no NUL byte.
    private static func rejectControlHeavy(_ text: String, replacements: Int, source: String) throws(DecodeError) {
        var text = text
        // On UTF-8 bytes: a control character is one byte, and every scalar starts with a byte
        // that is not a continuation byte (10xxxxxx).
        let (total, bad) = text.withUTF8 { bytes -> (Int, Int) in
            var total = 0
            var bad = replacements
            // Without branches, so that the loop runs over many bytes at once: a bit per control
            // byte that text holds (tab, line feed, form feed, carriage return).
            let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D
            func count(_ byte: UInt8) {
                total &+= byte & 0xC0 != 0x80 ? 1 : 0
                bad &+= byte < 0x20 ? Int(~allowed >> UInt32(byte & 31) & 1) : 0
                bad &+= byte == 0x7F ? 1 : 0
            }
            // Eight bytes at a time: the scalars start at the bytes that are not 10xxxxxx, and a word
            // with no byte below 0x20 and none 0x7F (most of a text) holds no control character.
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var index = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below20 = (word &- ones &* 0x20) & ~word & highs
                    let delete = word ^ (ones &* 0x7F)
                    let is7F = (delete &- ones) & ~delete & highs
                    if below20 | is7F == 0 {
                        total &+= 8 &- (word & ~(word << 1) & highs).nonzeroBitCount
                    } else {
                        for offset in index..<(index + 8) { count(bytes[offset]) }
                    }
                    index += 8
                }
            }
            for offset in index..<bytes.count { count(bytes[offset]) }
            return (total, bad)
        }
        if total > 0, bad * 10 > total {
            throw .notText(source: source, reason: "\(bad) of \(total) characters are control or undecodable bytes")
        }
    }
}
