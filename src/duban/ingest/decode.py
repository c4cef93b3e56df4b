"""Bytes -> text: BOMs, UTF-8, GB18030/GBK and Big5, with a binary-garbage check.

Strict decoders are tried first because they run at memory speed; GB18030 and Big5 byte ranges
overlap (almost any Big5 text is also valid GBK), so when both decode we keep the reading whose
characters are the common ones of Chinese text. charset-normalizer is the last resort for
anything else (it is slow, and on Chinese it often confuses Big5 and GBK).
"""

from __future__ import annotations

import codecs
import re

from duban.errors import InputError

# The ~500 most frequent Chinese characters (simplified) plus the traditional forms of those that
# differ: a correct GB or Big5 reading is dense in these, a wrong one is mostly rare characters.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从"
    "业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又"
    "么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位"
    "入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放"
    "决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受"
    "联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离"
    "华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复"
    "容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值"
    "号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参"
    "红细引听该铁价严亿投资项目就业居民收入增长企业服务社会经济发展工作报告政府"
)
_TRADITIONAL_FORMS = (
    "這個來們時對會發動說產種後經進著麼現實體當點從業應開還與關數題黨員論農幾區強決戰則據處隊給門規熱領"
    "東導壓爭濟階術極聯認權證轉單風場車務萬達積議聲報鬥類離華確張馬節話溫傳許記須際驗連斷難礦範稱準構"
    "辦習響團歷號維劃選標寫親養專狀廠識屬圓參紅細聽該鐵價嚴億資項業紀預區總設計財貿僅劃廣實現歲態環質"
)
_COMMON = frozenset(_COMMON_SIMPLIFIED + _TRADITIONAL_FORMS + "，。、；：“”《》（）")

_SAMPLE = 64 * 1024  # bytes used to judge an encoding; a report shows its script in its first page

# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")


def _common_ratio(text: str) -> float:
    cjk = [c for c in text[:4000] if c > "\u2e80"]
    if not cjk:
        return 1.0
    return sum(c in _COMMON for c in cjk) / len(cjk)


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    return len(_CONTROL_CHARS.findall(sample)) / max(len(sample), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in every other byte for ASCII; for Chinese, a strict decode that
    yields common characters (the wrong byte order yields rare ones or fails)."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        orders = ["utf-16-le"]
    elif even > 0.3 and odd < 0.05:
        orders = ["utf-16-be"]
    else:
        orders = ["utf-16-le", "utf-16-be"]
    for enc in orders:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) < 0.01 and (len(orders) == 1 or _common_ratio(text) >= 0.5):
            return text
    return None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). Raises InputError for non-text bytes."""
    if not data:
        raise InputError(name, "empty input")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(name, f"starts with a {enc} byte-order mark but does not decode as {enc}") from None
            return _checked(text, name), enc
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:_SAMPLE]
    if len(_CONTROL_BYTES.findall(head)) > 0.05 * len(head):  # text has ~none; random bytes ~10%
        text16 = _utf16_without_bom(data)
        if text16 is not None and _control_ratio(text16) < 0.01:
            return text16, "utf-16"
        raise InputError(name, "binary data, not text")
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5", "big5hkscs"):  # HKSCS: Hong Kong's superset of Big5
        if enc == "big5hkscs" and any(c[1] == "big5" for c in candidates):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) <= 0.01:
            candidates.append((_common_ratio(text), enc, text))
    if candidates:
        # GB18030 first on ties: it is a superset of GBK/GB2312, the most common legacy encoding
        ratio, enc, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
        if ratio >= 0.2:
            return _checked(text, name), enc
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return _checked(text16, name), "utf-16"
    from charset_normalizer import from_bytes  # slow import, needed only for unusual input

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None:
        raise InputError(name, "binary data, not text (no text encoding fits)")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(name, "binary data, not text (no text encoding fits)") from None
    return _checked(text, name), best.encoding


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(name, "empty input (only white space)")
    if _control_ratio(text) > 0.01:
        raise InputError(name, "binary data, not text (control characters)")
    return text
