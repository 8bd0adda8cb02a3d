import AnalyticsCore

/// The commonest single-character surnames of mainland China (about 85% of people), without
/// those that are mostly function words or numerals (于, 万, 向). A three-character name is often
/// cut as surname + a two-character word (谭 志军, 邱 国华) or as a word that starts with the surname
/// + one character (周长 根): a word held by one bound character in every occurrence is a piece of
/// a name when the surname is that character or the word's own first (`KeywordTerms.applyGlue`).
enum Surnames {
    static let list = """
    王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈\
    姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤
    """

    static let all = ScalarSet(list.unicodeScalars.filter { ScriptClass.isHan($0) })
}
