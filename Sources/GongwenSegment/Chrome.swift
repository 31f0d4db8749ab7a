import Foundation
import GongwenModel
import GongwenText

/// Web-page chrome recognised from the words of a line: publication stamps, share prompts,
/// footers, breadcrumbs, pager links, image file names. Such lines are kept, tagged boilerplate.
/// (An empty `附件:` label is chrome only where no attachment follows; `Segmenter` decides that.)
///
/// `发布日期:2020-09-14 16:01信息来源:办公室 【字体:` is `page_meta`; `扫一扫在手机打开当前页` is `share`;
/// `ICP备案:蜀ICP备14032324号-2` is `footer`; `当前位置:首页 > 信息公开` is `navigation`; `— 2 —` (a page
/// number left in text taken from a PDF) is `page_number`.
enum Chrome {
    /// Words that make a line chrome wherever they stand in it, with the kind they mark.
    static let anywhere: [(String, String)] = [
        ("发布日期", "page_meta"), ("发布时间", "page_meta"), ("信息来源", "page_meta"), ("【字体", "page_meta"),
        ("字体:大", "page_meta"), ("字号:", "page_meta"), ("浏览次数", "page_meta"), ("访问量", "page_meta"),
        ("阅读次数", "page_meta"), ("点击数", "page_meta"), ("责任编辑", "page_meta"), ("索引号", "page_meta"),
        ("扫一扫", "share"), ("扫码", "share"), ("手机打开", "share"), ("分享到", "share"),
        ("打印本页", "share"), ("关闭窗口", "share"), ("【打印】", "share"), ("【关闭】", "share"),
        ("收藏本页", "share"), ("主办单位", "footer"), ("承办单位", "footer"), ("技术支持", "footer"),
        ("ICP备", "footer"), ("公网安备", "footer"), ("网站标识码", "footer"), ("网站地图", "footer"),
        ("版权所有", "footer"), ("Copyright", "footer"), ("copyright", "footer"), ("©", "footer"),
        ("保留所有权利", "footer"), ("All rights reserved", "footer"), ("许可协议", "footer"), ("知识共享", "footer"),
        ("Creative Commons", "footer"), ("CC BY", "footer"), ("不得转载", "footer"),
        ("联系我们", "footer"), ("当前位置", "navigation"), ("您的位置", "navigation"), ("所在位置", "navigation"),
        ("首页>", "navigation"), ("首页 >", "navigation"), ("首页|", "navigation"), ("首页 |", "navigation"),
        ("上一篇", "navigation"), ("下一篇", "navigation"), ("转载请注明", "navigation"), ("原文网址", "navigation"),
        ("相关链接", "navigation"), ("无障碍", "navigation"), ("繁體", "navigation"), ("简体版", "navigation"),
    ]
    private static let anywhereSearch = ByteSearchSet(anywhere.map(\.0))

    /// Labels that make a short line chrome when the line starts with them: source notes under
    /// an article (`来源:市委政法委`, `整理:市委政研室`, `(本文有删改)`).
    static let leading: [(String, String)] = [
        ("来源:", "page_meta"), ("时间:", "page_meta"), ("日期:", "page_meta"), ("整理:", "page_meta"), ("作者:", "page_meta"), ("编辑:", "page_meta"),
        ("(本文有删改)", "page_meta"), ("审核:", "page_meta"), ("校对:", "page_meta"), ("供稿:", "page_meta"),
    ]

    /// Labels of the metadata table government sites print above a document; they also carry
    /// metadata (`发文机关:`, `成文日期:`, `发文字号:`).
    static let metaLabels: Set<String> = [
        "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "发布机构", "生成日期",
        "文号", "有效性", "公开方式", "公开范围", "公开时限", "信息分类", "组配分类", "文件编号", "体裁分类", "关键词", "名称",
    ]

    /// The metadata label a cell or line names (`索 引 号:` → `索引号`), or `nil`.
    static func metaLabel(_ cell: String) -> String? {
        guard cell.utf8.last == UInt8(ascii: ":") else { return nil }
        return label(cell.dropLast())
    }

    /// Page controls that are chrome when they stand alone on a line: `打印`, `分享:`, `【大中小】`.
    static let alone: Set<String> = ["打印", "分享", "分享:", "收藏", "关闭", "返回顶部", "【大中小】", "[大中小]", "大中小", "字号:大中小"]

    static let imageSuffixes = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"]

    /// The kind of chrome the folded line `text` is, or `nil`.
    static func kind(of text: String) -> String? {
        // More than 480 bytes are more than 120 scalars: a paragraph is not counted through.
        guard text.utf8.count <= 480 else { return nil }
        let length = text.scalarCount
        if text.isEmpty || length > 120 || text.unicodeScalars.last == "。" { return nil }
        let hasSpace = text.utf8.contains(0x20)
        // Letter-spaced labels read without their spaces: `索  引  号:111423LL00100/2019-01088`.
        let compact = hasSpace ? String(text.unicodeScalars.filter { $0 != " " }) : text
        if let index = anywhereSearch.firstWord(in: compact) { return anywhere[index].1 }
        if length <= 40 {
            for (label, kind) in leading where compact.utf8.starts(with: label.utf8) { return kind }
        }
        if inlinePair(of: compact) != nil { return "page_meta" }
        if length <= 60, !hasSpace, text.utf8.contains(0x2E) {
            let lower = text.lowercased()
            if imageSuffixes.contains(where: { lower.hasSuffix($0) }) { return "image" }
        }
        if text.unicodeScalars.allSatisfy({ $0 == "|" || $0 == " " || $0 == ">" || $0 == "-" || $0 == "»" || $0 == "·" }) {
            return "navigation"
        }
        if length <= 16, PageFurniture.isPageNumber(text) { return "page_number" }
        // A letter-spaced label of a metadata table left without its value: `来        源`.
        if hasSpace, length <= 16, bareLabel(text) != nil || compact == "来源" { return "page_meta" }
        if length <= 8, alone.contains(compact) { return "share" }
        return nil
    }

    /// Labels whose value is a date, with the metadata key they fill.
    static let dateLabels: [(String, String)] = [
        ("成文日期:", "成文日期"), ("发布日期:", "发布日期"), ("发布时间:", "发布日期"), ("时间:", "发布日期"), ("日期:", "发布日期"),
    ]

    /// The dates a page-metadata line gives after its labels: `时间:2024-03-05 来源:市政府办公室` →
    /// (`发布日期`, 2024-03-05). The first label that matches at a place wins (`发布时间:` before `时间:`).
    static func labelledDates(in text: String) -> [(String, DateText)] {
        var found: [(String, DateText)] = []
        for (label, key) in dateLabels where !found.contains(where: { $0.0 == key }) {
            guard let range = text.wordRange(of: label) else { continue }
            let value = text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || "-./年月日号".contains($0) || ChineseNumerals.digit($0.unicodeScalars.first!) != nil }
            if let date = DateText.parse(String(value)), date.day != nil { found.append((key, date)) }
        }
        return found
    }

    /// For a metadata-table line (`发文机关:\t国务院办公厅\t成文日期:\t2004年11月04日`) the label/value pairs.
    /// Labels without a colon count where the row has two of them or the label is letter-spaced
    /// (`名        称\t克州2025年经济运行情况分析`), so that a table's header `名称\t单位` stays a table.
    static func metaPairs(of text: String) -> [(String, String)] {
        // `memchr` for the tab (every line of a page is asked; few hold one), and the cells cut at its byte: a tab
        // is a grapheme cluster of its own, so this is the split on `Character` "\t" without walking clusters.
        guard text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.baseAddress.map { memchr($0, 0x09, bytes.count) != nil } ?? false }) ?? text.contains("\t") else {
            return []
        }
        let cells = text.utf8.split(separator: 0x09).map { Substring($0).trimmingLineWhitespace() }
        let bareLabels = cells.filter { bareLabel($0) != nil }
        let bareCounts = bareLabels.count >= 2
        func labelOf(_ cell: String) -> String? {
            metaLabel(cell) ?? bareLabel(cell).flatMap { bareCounts || cell.contains(" ") ? $0 : nil }
        }
        var pairs: [(String, String)] = []
        var index = 0
        while index < cells.count {
            if let label = labelOf(cells[index]) {
                let value = index + 1 < cells.count && labelOf(cells[index + 1]) == nil ? cells[index + 1] : ""
                pairs.append((label, value))
                index += value.isEmpty ? 1 : 2
            } else {
                index += 1
            }
        }
        return pairs
    }

    /// A metadata line that starts with its label and holds its value: `标　　题:关于吕梁市…` →
    /// (`标题`, `关于吕梁市…`), `发文机关:吕梁市财政局\t关  键  字:` → (`发文机关`, `吕梁市财政局`). `compact` is
    /// the line without spaces.
    static func inlinePair(of compact: String) -> (String, String)? {
        // The first colon if it is among the first six characters (not looked for further on).
        // No colon at all, or a label longer than any, is none: most lines are ruled out without walking
        // grapheme clusters or hashing.
        guard compact.utf8.contains(UInt8(ascii: ":")), let colon = compact.prefix(6).firstIndex(of: ":"),
              compact.utf8.distance(from: compact.startIndex, to: colon) <= longestLabel else { return nil }
        let label = String(compact[..<colon])
        guard metaLabels.contains(label) else { return nil }
        let value = compact[compact.index(after: colon)...].prefix { $0 != "\t" }
        return (label, String(value))
    }

    /// A metadata label written without its colon: `索  引  号` → `索引号`.
    static func bareLabel(_ cell: String) -> String? {
        label(cell[...])
    }

    /// The longest label in UTF-8 bytes.
    private static let longestLabel = metaLabels.map(\.utf8.count).max() ?? 0

    /// `text` without its spaces if that is one of `metaLabels`: a text with more bytes than the
    /// longest label besides its spaces is none, and is neither copied nor hashed (every cell of a
    /// tab-separated line and every short line with a space is asked).
    private static func label(_ text: Substring) -> String? {
        var bytes = 0
        for byte in text.utf8 where byte != 0x20 {
            bytes += 1
            if bytes > longestLabel { return nil }
        }
        let label = text.filter { $0 != " " }
        return metaLabels.contains(label) ? label : nil
    }
}
