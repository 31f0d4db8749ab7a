import GongwenModel

/// A word as scalars, matched against the folded view without building strings.
struct Word: Sendable, ExpressibleByStringLiteral {
    let scalars: [Unicode.Scalar]

    init(stringLiteral value: String) {
        scalars = Array(value.unicodeScalars)
    }

    var text: String { String(String.UnicodeScalarView(scalars)) }
    var count: Int { scalars.count }
}

/// The words the extractor looks for around a number.
enum Words {
    /// After the number and its unit: `6万人以上`, `1500人以下`, `100人左右`.
    static let trailingQualifiers: [(Word, Qualifier)] = [
        ("以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("左右", .about), ("上下", .about),
    ]
    /// Before the number, longest first where one word ends another (`不超过` before `超过`).
    static let leadingQualifiers: [(Word, Qualifier)] = [
        ("不少于", .atLeast), ("不低于", .atLeast), ("不超过", .atMost), ("超过", .atLeast), ("至少", .atLeast),
        ("不到", .atMost), ("不足", .atMost), ("将近", .atMost), ("接近", .atMost), ("最多", .atMost),
        ("至多", .atMost), ("大约", .about), ("大概", .about), ("约", .about), ("近", .atMost), ("超", .atLeast),
        ("逾", .atLeast), ("突破", .atLeast),
    ]
    /// The last scalars of the leading qualifiers, to skip the list quickly.
    static let leadingQualifierEnds: Set<Unicode.Scalar> = Set(leadingQualifiers.compactMap { $0.0.scalars.last })
    /// `党的十九大`: the congress is an ordinal.
    static let party: [Word] = ["党的", "中共"]
    /// `ICP备14032324号`, `川公网安备51190202000102号`.
    static let registration: [Word] = ["备", "备案", "公网安备"]
    /// `江北大道中段38号`.
    static let address: [Word] = ["路", "街", "道", "段", "巷", "弄", "楼", "栋", "院", "室", "村", "组", "单元"]
    /// `网站标识码:5119000005`, `索引号:000014349/2004-00207`.
    static let codes: [Word] = ["备", "标识码", "索引号", "编号", "代码", "邮编", "证号", "账号", "卡号", "备案号"]
    static let phones: [Word] = ["电话", "传真", "热线", "手机", "联系方式"]
    /// `12345市民服务热线`.
    static let hotline: Word = "热线"
    /// `十四五规划`, `“七五”普法`.
    static let planNames: [Word] = ["规划", "时期", "期间", "普法", "计划", "末"]
    static let plenum: Word = "中全会"
    static let century: Word = "世纪"
    /// `20强`: a place in a ranking.
    static let ranking: Word = "强"
    static let webPrefixes: [Word] = ["http://", "https://", "www."]
    /// Words that announce a statistic, so that a count in Chinese numerals after them is one
    /// (`共有三个`, `累计五次`, `增加到两个`); without them `一批`, `两项改革` are words, not statistics.
    static let statisticCues: [Word] = [
        "共", "共有", "共计", "合计", "总计", "累计", "达", "达到", "新增", "增加", "增加到", "增至", "减少",
        "减少到", "减至", "仅", "仅有", "只有", "其中",
    ]
    /// Measure words of a count that can sum up a list (`5项基本情况`, `4本台账`), compared byte for byte (`sameUTF8`).
    static let listMeasures = ["个", "项", "条", "张", "本", "类", "种", "件", "批", "套", "份", "支"]
}
