/// Small PDFs written by hand for tests: pages of ASCII lines in Helvetica, a page with only a
/// drawing (a scan without text), an encryption dictionary no empty password opens.
///
/// `MiniPDF.document(pages: [["Annual Report", "- 1 -"]])` is a one-page PDF whose text layer reads
/// `Annual Report\n- 1 -`.
enum MiniPDF {
    static func document(pages: [[String]], encrypted: Bool = false) -> [UInt8] {
        var objects: [String] = []
        let pageCount = pages.count
        // 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (index, lines) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * index) 0 R >>")
            var content = lines.isEmpty ? "0 0 0 rg 100 100 300 400 re f\n" : ""
            for (row, line) in lines.enumerated() {
                let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
                content += "BT /F1 12 Tf 72 \(740 - 24 * row) Td (\(escaped)) Tj ET\n"
            }
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        if encrypted {
            let o = String(repeating: "A1", count: 32)
            let u = String(repeating: "B2", count: 32)
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -44 >>")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        let encryption = encrypted ? " /Encrypt \(objects.count) 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]" : ""
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(encryption) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
