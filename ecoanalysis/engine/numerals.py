"""Chinese and Arabic numeral parsing for the quantity engine.

This module only turns a numeral *string* into a number; finding numerals in running text and deciding
whether they are quantities is the job of :mod:`ecoanalysis.quantities`.

The public-in-module functions are :func:`parse_chinese_integer` (digits and magnitude words, no
decimals), :func:`cn_to_number` (anything a numeral run in the report can be: Chinese with ``点``
decimals, Arabic with thousands separators or full-width digits, and mixed forms such as ``1.9亿`` or
``4.2万亿``), :func:`parse_arabic` and :func:`parse_chinese_wildcard` (几 standing for an unknown digit:
``十几`` = 11..19, ``几十`` = 20..90).
"""
from __future__ import annotations

import math

#: Value of every Chinese digit character, including the financial (大写) forms used on cheques and
#: contracts and the traditional variants, because the report and other Chinese texts mix them freely.
#: 俩 (倆) is the colloquial "two" that stands for 两个 (他们俩, 俩人): a word of its own (lexicon [words]),
#: a digit only before a magnitude (俩千 = 两千; :data:`WORD_DIGITS`).
CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}

#: 两 is the digit two only before a magnitude of a hundred or more (两百, 两千, 两万) or a counter (两个); in
#: the tens or units place two is 二 (二十, 三十二). A 两 after 十, 百 or a digit is the next word, the measure
#: word 两 of weight (三十两, 二两) or 两两 "in pairs", never a digit of the numeral. So is a 两 that ends the
#: numeral after 千, 万 or 亿: the shortened next place is written 二 (一万二 = 12000, 三千二 = 3200), so 白银三千两
#: and 两万两 weigh 3000 and 20000 两 (一万两千 keeps its digit: a magnitude follows it).
LIANG = "两"
NO_LIANG_AFTER: frozenset[str] = frozenset("十拾百佰千仟万萬亿億") | frozenset(CHINESE_DIGITS)
#: Nor is 两 (俩) a digit after the decimal word 点: 一点两小时 is 一点 and 两小时, 一点二 is 1.2.
NO_DECIMAL_DIGITS: frozenset[str] = frozenset("两兩俩倆")
#: Digits that start a numeral only before a magnitude; alone they are words of [words] (他们俩 = 2).
WORD_DIGITS: frozenset[str] = frozenset("俩倆")

#: The financial (大写) numerals. Written as numbers they come in full (壹万贰仟元, 人民币陆元整); a lone one
#: inside prose is mostly a word character of its own (登陆 land, 入伍 enlist, 拾起 pick up).
FINANCIAL_NUMERALS: frozenset[str] = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")

#: Characters that write a whole ten (廿 = 二十, 卅 = 三十, 卌 = 四十), expanded before parsing.
TENS_CHARACTERS: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}
_EXPAND_TENS = str.maketrans(TENS_CHARACTERS)

#: Magnitudes below 万 multiply the digit in front of them and add into the current 万-section.
SMALL_MAGNITUDES: dict[str, int] = {
    "十": 10, "拾": 10,
    "百": 100, "佰": 100,
    "千": 1000, "仟": 1000,
}

#: Section magnitudes (万, 亿) multiply everything accumulated since the previous larger section, which is
#: how 一万亿 = 10^12 and 三亿四千万 = 3.4 x 10^8 come out right.
SECTION_MAGNITUDES: dict[str, int] = {
    "万": 10_000, "萬": 10_000,
    "亿": 100_000_000, "億": 100_000_000,
    "兆": 10**12,
}

#: 兆 is 10^12 in the numerals of Taiwan, Hong Kong and Japan (四十九兆九千五百九十二亿 = 4.99592 x 10^13) but
#: 10^6 as the SI prefix mainland usage gives it (兆瓦 = MW, 100兆宽带 = 100 Mbit/s). It is read as 10^12
#: only when a lower section (亿 or 万) follows it in the numeral, which rules out the SI reading; a bare
#: 五兆 is left unread (bound vague, no value).
TRILLION_WORD = "兆"
_LOWER_SECTIONS = frozenset(SECTION_MAGNITUDES) - {TRILLION_WORD}

#: All magnitude characters, for callers that need to recognise a bare magnitude word such as 百万.
MAGNITUDES: dict[str, int] = {**SMALL_MAGNITUDES, **SECTION_MAGNITUDES}

#: Every character that can appear in a Chinese integer numeral.
CHINESE_NUMERAL_CHARS: frozenset[str] = frozenset(CHINESE_DIGITS) | frozenset(MAGNITUDES)

#: The decimal point word: 四点五 = 4.5.
DECIMAL_POINT_WORD = "点"

#: Longest numeral string that is parsed at all. Real numerals are far shorter; the cap keeps
#: adversarial input (100 000 digits in a row) from building huge integers or overflowing floats.
MAX_NUMERAL_CHARS = 64

#: The wildcard digit: 几 stands for a digit the writer leaves open (十几 "ten-odd", 几十 "several tens").
WILDCARD_DIGIT = "几"

#: The digits 几 can stand for. After a magnitude it fills the next place, 1..9 (十几 = 11..19, 二十几 = 21..29,
#: 一百几十 = 110..190); before a magnitude at the start it multiplies it, 2..9, because a single unit is
#: written without 几 (几十 = 20..90, 几百万 = 2..9 million).
WILDCARD_AFTER_MAGNITUDE: tuple[str, str] = ("一", "九")
WILDCARD_LEADING: tuple[str, str] = ("二", "九")

#: Full-width digits and signs that PDF extraction produces (２０１９, ３０％, ．) mapped to ASCII.
FULLWIDTH_TO_ASCII = str.maketrans("０１２３４５６７８９．，％＋－", "0123456789.,%+-")


def parse_chinese_integer(numeral: str) -> int | None:
    """Parse a Chinese integer numeral.

    Parameters
    ----------
    numeral : str
        Chinese digits and magnitudes, e.g. ``"三千四百万"``, ``"两千零八"``, ``"十五万六千"``, ``"百万"``,
        ``"一万亿"``, ``"二〇一九"`` (a digit-by-digit reading, as in years) or financial numerals
        (``"壹万贰仟"``).  Colloquial elision of the last magnitude is understood: ``"一万五"`` = 15000.

    Returns
    -------
    int or None
        The value, or ``None`` if the string is empty or contains anything that is not a Chinese numeral
        character, or mixes a digit-by-digit reading with magnitudes (``"一二万"``), except three or more digits
        read one by one before 万 or 亿 (``"六六六六亿"`` = 666600000000, Taiwan usage).
    """
    if not numeral or len(numeral) > MAX_NUMERAL_CHARS:
        return None
    numeral = numeral.translate(_EXPAND_TENS)
    if not any(char in MAGNITUDES for char in numeral):
        return _read_digit_by_digit(numeral)
    digits = numeral.rstrip("".join(SECTION_MAGNITUDES))
    if len(digits) >= POSITIONAL_MIN_DIGITS and not any(char in MAGNITUDES for char in digits):
        return _read_positional_with_magnitude(digits, numeral[len(digits):])
    return _read_magnitude_numeral(numeral)


#: Digits written one by one before 万 or 亿 (Taiwan and Hong Kong usage: 六六六六億 = 6666亿, 七二〇億 = 720亿)
#: need at least three of them: two side by side are an approximate span (二三万) or unreadable (八五万).
POSITIONAL_MIN_DIGITS = 3


def _read_positional_with_magnitude(digits: str, magnitudes: str) -> int | None:
    """六六六六 + 亿 = 6666 x 10^8: the digits read one by one, then the section magnitudes after them."""
    value = _read_digit_by_digit(digits)
    return None if value is None else value * magnitude_scale(magnitudes)


#: Significant digits kept when a magnitude multiplies a decimal: the product of two binary floats is off in its
#: last bit (4.56 x 10^8 = 455999999.99999994), and no stated figure has more than 15 digits.
_SIGNIFICANT_DIGITS = 15


def scaled(value: float, factor: float) -> float:
    """``value * factor`` as the decimal figure the text states: 4.56亿 = 456000000.0, 0.07亿 = 7000000.0."""
    return float(f"{value * factor:.{_SIGNIFICANT_DIGITS}g}")


def magnitude_scale(magnitudes: str) -> int:
    """The product of a run of magnitude characters: 万亿 = 10^12, 千万 = 10^7."""
    scale = 1
    for char in magnitudes:
        scale *= MAGNITUDES[char]
    return scale


def _read_digit_by_digit(numeral: str) -> int | None:
    """A numeral without magnitudes, read digit by digit as in years: 二〇一九 -> 2019."""
    digits = [CHINESE_DIGITS.get(char) for char in numeral]
    if any(digit is None for digit in digits):
        return None
    return int("".join(str(digit) for digit in digits))


def _close_section(parts: list[tuple[int, int]], unit_value: int, magnitude: int) -> None:
    """Apply a section magnitude (万, 亿) to the current section and to every earlier part of lower order.

    ``parts`` holds finished (value, order) pairs, order being the section magnitude last applied to
    them; this reads 一万亿零一亿 as 10^12 + 10^8 and 十二万三千四百五十六亿 as 123456 x 10^8.
    """
    bare = unit_value == 0  # 万亿, 亿亿: the unit multiplies what precedes it
    while parts and (parts[-1][1] < magnitude or (bare and parts[-1][1] <= magnitude)):
        unit_value += parts.pop()[0]
    if unit_value == 0:
        unit_value = 1  # a bare 万 or 亿 is 10^4 or 10^8
    parts.append((unit_value * magnitude, magnitude))


def _read_magnitude_numeral(numeral: str) -> int | None:
    """A numeral with magnitudes (三千四百万, 一万五); ``None`` when the characters make no numeral."""
    tokens: list[int | str] = []
    for char in numeral:
        if char in CHINESE_DIGITS:
            tokens.append(CHINESE_DIGITS[char])
        elif char in MAGNITUDES:
            tokens.append(char)
        else:
            return None
    value = read_magnitude_tokens(_positional_runs(tokens))
    return None if value is None else int(value)


#: Digits written one by one before a section magnitude read as one number when there are three or more of them,
#: as Taiwan writes amounts (一兆五二二億 = 1兆 + 522億, 十二兆七○一三億); two side by side stay a span (二三万).
_POSITIONAL_MIN_DIGITS = 3


def _positional_runs(tokens: list[int | str]) -> list[int | float | str]:
    out: list[int | float | str] = []
    run: list[int] = []
    for token in [*tokens, ""]:
        if isinstance(token, int):
            run.append(token)
            continue
        if len(run) >= _POSITIONAL_MIN_DIGITS and token in SECTION_MAGNITUDES:
            out.append(float(int("".join(map(str, run)))))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return out


#: Spoken numerals drop the 一 of 一十 right after a counted hundred (一百十六 = 116, 三百十五万 = 3,150,000); a run
#: of magnitudes with no digit before it stays "countless" (百十个, 千百年).
_ELIDED_ONE_TENS = frozenset("十拾")
_HUNDREDS = frozenset("百佰")


def _falls_uncounted(token: str, previous: str, hundred_counted: bool) -> bool:
    """Whether magnitude ``token`` falls right after magnitude ``previous`` with no digit between (千百), other than
    the 十 of 一十 after a counted hundred (一百十六)."""
    elided = hundred_counted and token in _ELIDED_ONE_TENS and previous in _HUNDREDS
    return _magnitude(token) < _magnitude(previous) and not elided


def _magnitude(char: str) -> int:
    return SMALL_MAGNITUDES[char] if char in SMALL_MAGNITUDES else SECTION_MAGNITUDES[char]


def read_magnitude_tokens(tokens: list[int | float | str]) -> float | None:
    """Read digits and magnitudes: an int is a Chinese digit (0 = 零), a float an Arabic number written
    among Chinese magnitudes (5万4千6百, 1千零20, 3万4000), a str a magnitude character.

    An Arabic number stands before a small magnitude only as one digit (5千, not 15千), keeps below the
    section before it (5亿1万, not 5亿12000万), and at the end fills the places the magnitude before it
    leaves (3万4000 = 34000), or fewer with two digits or more or after 零 (4万906 = 40906, 1千零20 = 1020);
    3万4 is left unread (``None``), since
    the colloquial elision 一万五 = 15000 is a rule of spoken numerals, not of digits.
    """
    parts: list[tuple[float, int]] = []
    section: float = 0  # current section below the last section magnitude
    pending: int | float | None = None  # a digit or Arabic number waiting for its magnitude
    last_magnitude = 0  # magnitude of the previous unit, for the elided form 一万五
    zero_seen = False  # 零 cancels the elision: 一万零五 is 10005, not 15000
    last_small = 10**5  # 千, 百, 十 must come in decreasing order within a section: 十一十一 is no numeral
    fractional = False  # a decimal ends the numbers: 1.2亿 has no places left below it
    previous: int | float | str | None = None
    hundred_counted = False  # a digit stood before the last 百 (一百十六: the 十 after it is 一十)
    for token in tokens:
        if isinstance(token, str) and isinstance(previous, str) and _falls_uncounted(token, previous, hundred_counted):
            return None  # 千百年, 万千, 亿万: magnitudes falling with no digit between are "countless", no number (亿亿 = 10^16)
        hundred_counted = token in _HUNDREDS and pending is not None
        previous = token
        if not isinstance(token, str):
            if token == 0 and isinstance(token, int):
                zero_seen = True
                continue
            if pending is not None or fractional:
                return None  # two digits in a row (一二万), or digits after a decimal (1.2亿3000万)
            pending = token
            fractional = token != int(token)
        elif token in SMALL_MAGNITUDES:
            magnitude = SMALL_MAGNITUDES[token]
            if magnitude >= last_small or (isinstance(pending, float) and not (pending < 10 and pending == int(pending))):
                return None
            last_small = magnitude
            section += (1 if pending is None else pending) * magnitude
            pending, last_magnitude, zero_seen = None, magnitude, False
        else:
            magnitude = SECTION_MAGNITUDES[token]
            if isinstance(pending, int) and section:
                pending = _last_places(pending, zero_seen, last_magnitude)  # 百五万 = 150万, 三千五万 = 3500万
            unit_value = section + (pending or 0)
            if isinstance(pending, float) and parts and unit_value * magnitude >= parts[-1][1]:
                return None  # 5亿12000万: the Arabic number runs past the section before it
            _close_section(parts, unit_value, magnitude)
            last_small, section, pending, zero_seen, last_magnitude = 10**5, 0, None, False, magnitude
    if TRILLION_WORD in tokens and _LOWER_SECTIONS.isdisjoint(tokens[len(tokens) - tokens[::-1].index(TRILLION_WORD):]):
        return None  # 五兆: 10^12 or the SI 10^6, no section below it to tell
    if pending is not None:
        pending = _last_places(pending, zero_seen, last_magnitude)
        if pending is None:
            return None
        section += pending
    return sum(value for value, _ in parts) + section


def _last_places(pending: int | float, zero_seen: bool, last_magnitude: int) -> int | float | None:
    """The value of a digit or an Arabic number after the last magnitude, before a section magnitude or at the end.

    A lone Chinese digit is the next place down, the spoken elision (一万五 = 15000, 三千五 = 3500, 百五万 = 150万), unless 零
    stands before it (一万零五). Two or more Arabic digits are their own places (4万906 = 40906, as Hong Kong and Taiwan
    write amounts); one digit alone (3万4) is the spoken elision's, not read (None).
    """
    if isinstance(pending, float):
        low = 1 if zero_seen else min(last_magnitude / 10, 10)
        return pending if low <= pending < (last_magnitude / 10 if zero_seen else last_magnitude) else None
    return pending * (last_magnitude // 10) if last_magnitude >= 100 and not zero_seen else pending


def parse_chinese_wildcard(numeral: str) -> tuple[int, int] | None:
    """Parse a Chinese integer numeral in which 几 stands for an unknown digit.

    Parameters
    ----------
    numeral : str
        Chinese digits and magnitudes with one or more 几: ``"十几"``, ``"二十几"``, ``"几十"``, ``"几百万"``,
        ``"十几万"``, ``"几十几"``, ``"一百几十"``.

    Returns
    -------
    tuple of int or None
        ``(low, high)``: the smallest and largest value the numeral names (``"十几"`` -> ``(11, 19)``,
        ``"几十"`` -> ``(20, 90)``), or ``None`` when there is no 几, when a 几 neither follows a magnitude
        nor starts the numeral in front of one (``"几"``, ``"一几"``), or when the rest is not a numeral.
    """
    if WILDCARD_DIGIT not in numeral or len(numeral) > MAX_NUMERAL_CHARS:
        return None
    numeral = numeral.translate(_EXPAND_TENS)  # 廿几 = 二十几
    if DECIMAL_POINT_WORD in numeral:
        return _parse_wildcard_decimal(numeral)
    low: list[str] = []
    high: list[str] = []
    for index, char in enumerate(numeral):
        if char != WILDCARD_DIGIT:
            low.append(char)
            high.append(char)
            continue
        if index > 0 and (numeral[index - 1] in MAGNITUDES or CHINESE_DIGITS.get(numeral[index - 1], 1) == 0):
            digits = WILDCARD_AFTER_MAGNITUDE  # 十几, 一百零几万 (101..109 万): the next place, 1..9
        elif index == 0 and len(numeral) > 1 and numeral[1] in MAGNITUDES:
            digits = WILDCARD_LEADING
        else:
            return None
        low.append(digits[0])
        high.append(digits[1])
    low_value = parse_chinese_integer("".join(low))
    high_value = parse_chinese_integer("".join(high))
    if low_value is None or high_value is None:
        return None
    return low_value, high_value


def _parse_wildcard_decimal(numeral: str) -> tuple[float, float] | None:
    """零点几 = 0.1..0.9, 一点几 = 1.1..1.9, 零点几亿: 几 as a decimal digit runs 1..9 (the whole part is
    written out)."""
    whole, _, decimals = numeral.partition(DECIMAL_POINT_WORD)
    if WILDCARD_DIGIT in whole or not decimals:
        return None
    low = cn_to_number(numeral.replace(WILDCARD_DIGIT, "一"))
    high = cn_to_number(numeral.replace(WILDCARD_DIGIT, "九"))
    return None if low is None or high is None else (low, high)


def parse_arabic(numeral: str) -> float | None:
    """Parse an Arabic numeral, allowing full-width digits and ``,`` thousands separators.

    Parameters
    ----------
    numeral : str
        E.g. ``"2,500"``, ``"62.3"``, ``"２０１９"``.

    Returns
    -------
    float or None
        The value, or ``None`` if the string is not a number.
    """
    if len(numeral) > MAX_NUMERAL_CHARS:
        return None
    cleaned = numeral.translate(FULLWIDTH_TO_ASCII).replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


#: Magnitudes that never follow the digits of a decimal (一点五亿 is read; 七点四十 is no 74).
NOT_AFTER_DECIMALS = frozenset("十拾")


def _parse_chinese_decimal(numeral: str) -> float | None:
    """Parse a Chinese numeral with a 点 decimal part (四点五, 一点九亿)."""
    integer_part, _, rest = numeral.partition(DECIMAL_POINT_WORD)
    fraction_digits = ""
    index = 0
    while index < len(rest) and rest[index] in CHINESE_DIGITS and rest[index] not in NO_DECIMAL_DIGITS:
        fraction_digits += str(CHINESE_DIGITS[rest[index]])
        index += 1
    trailing_magnitudes = rest[index:]
    if not fraction_digits or any(char not in MAGNITUDES for char in trailing_magnitudes):
        return None
    if trailing_magnitudes[:1] in NOT_AFTER_DECIMALS:
        return None  # 七点四十 is a time of day (7:40), never 7.4 x 10: no decimal is scaled by ten
    whole = parse_chinese_integer(integer_part) if integer_part else 0
    if whole is None:
        return None
    value = float(f"{whole}.{fraction_digits}")
    return scaled(value, _magnitude_product(trailing_magnitudes))


def _magnitude_product(magnitudes: str) -> int:
    """Multiply a run of magnitude characters: 万亿 -> 10^12, 千万 -> 10^7."""
    product = 1
    for char in magnitudes:
        product *= MAGNITUDES[char]
    return product


def cn_to_number(numeral: str) -> float | None:
    """Parse any numeral form found in the report into a float.

    Parameters
    ----------
    numeral : str
        Chinese (``"三千四百万"``, ``"四点五"``, ``"百万"``), Arabic (``"2,500"``, ``"６２．３"``) or mixed
        (``"1.9亿"``, ``"12万"``, ``"4.2万亿"``, ``"1 万"``) numerals.  Spaces are ignored.

    Returns
    -------
    float or None
        The value, or ``None`` when the string is not a numeral.
    """
    if len(numeral) > MAX_NUMERAL_CHARS:
        return None
    text = numeral.replace(" ", "").replace("\u3000", "").translate(FULLWIDTH_TO_ASCII)
    if not text:
        return None
    # Split an Arabic head from a Chinese-magnitude tail (1.9亿, 4.2万亿).
    split = 0
    while split < len(text) and (text[split].isascii() and (text[split].isdigit() or text[split] in ".,")):
        split += 1
    if split:
        head, tail = text[:split], text[split:]
        value = parse_arabic(head)
        if value is None or any(char not in MAGNITUDES for char in tail):
            return None
        return scaled(value, _magnitude_product(tail))
    if DECIMAL_POINT_WORD in text:
        return _parse_chinese_decimal(text)
    integer = parse_chinese_integer(text)
    if integer is None:
        return None
    try:
        return float(integer)
    except OverflowError:
        return None


#: Digit pairs that name an approximate span when written side by side (七八成 = 70-80 %, 两三年 = 2-3
#: years, 三五天 = 3-5 days): neighbours, and the set expressions 三五 ("a few") and 三两 ("two or three",
#: the larger digit first and written with 两: 三两天 = 2-3 days, but 三二折 = 32 %).
APPROXIMATE_PAIRS: frozenset[tuple[int, int]] = frozenset({(d, d + 1) for d in range(1, 9)} | {(3, 5), (3, 2)})


def parse_approximate_range(numeral: str) -> tuple[int, int] | None:
    """Read two neighbouring digits written side by side as a span: 七八 -> (7, 8), 二三十 -> (20, 30).

    Parameters
    ----------
    numeral : str
        A Chinese numeral with exactly one pair of adjacent digits that are neighbours (or 三五) and
        otherwise only magnitudes or single digits: ``"七八"``, ``"一两万"``, ``"二三十"``, ``"十七八"``,
        ``"三四百万"``, ``"一百五六十"``.

    Returns
    -------
    tuple of int or None
        ``(low, high)``, reading the numeral once with each digit of the pair; ``None`` for anything else,
        among them digit-by-digit strings of three or more digits (二〇一九, a year) and pairs that are not
        neighbours (八五, as in 八五折).
    """
    if len(numeral) > MAX_NUMERAL_CHARS or len(numeral) < 2:
        return None
    pairs = [
        index for index in range(len(numeral) - 1)
        if numeral[index] in CHINESE_DIGITS and numeral[index + 1] in CHINESE_DIGITS
    ]
    if len(pairs) != 1:
        return None
    index = pairs[0]
    first, second = CHINESE_DIGITS[numeral[index]], CHINESE_DIGITS[numeral[index + 1]]
    if (first, second) not in APPROXIMATE_PAIRS or (first > second and numeral[index + 1] != LIANG):
        return None  # 三二折 is a discount of 32 %, 三两天 two or three days
    low = parse_chinese_integer(numeral[:index + 1] + numeral[index + 2:])
    high = parse_chinese_integer(numeral[:index] + numeral[index + 1:])
    if low is not None and high is not None and first > second:
        low, high = high, low  # 三两: the larger digit first
    if low is None or high is None or not low < high:
        return None
    return low, high
