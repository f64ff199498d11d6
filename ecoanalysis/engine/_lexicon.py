"""Load ``lexicon.toml``: the engine's words as plain Python tables (read once, at import)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

#: The lexicon file shipped as package data.
LEXICON_FILE = "lexicon.toml"


@dataclass(frozen=True)
class UnitWord:
    """What a unit or counter word after a number means."""

    unit: str | None  # unit class; None = a plain counter (unit count)
    symbol: str | None = None
    currency: str | None = None
    scale: float = 1.0
    latin: bool = False  # a Latin symbol (GB, kW): must not run on into more letters
    after: str = ""  # when set, the word is a unit only right after one of these characters (亿度)
    before: str = ""  # when set, the word is a unit only right before one of these characters (t/h)


def is_han_char(char: str) -> bool:
    """Whether ``char`` is a CJK unified ideograph (the basic block), i.e. a word character of Chinese prose."""
    return "\u4e00" <= char <= "\u9fff"


def _expand_classes(pattern: str, classes: dict[str, str]) -> str:
    """The pattern with each placeholder of ``classes`` replaced by its characters or words."""
    for name, chars in classes.items():
        pattern = pattern.replace(name, chars)
    return pattern


def _load() -> dict:
    text = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _unit_words(rows: list[dict]) -> tuple[dict[str, UnitWord], dict[str, str]]:
    words: dict[str, UnitWord] = {}
    guards: dict[str, str] = {}
    for row in rows:
        per_word = row.get("guard_by_word", {})
        for word in row["words"]:
            if word in words:
                raise ValueError(f"{LEXICON_FILE}: unit word {word!r} is listed twice")
            words[word] = UnitWord(
                unit=row.get("class"), symbol=row.get("symbol"), currency=row.get("currency"),
                scale=float(row.get("scale", 1)), latin=word.isascii() and word[-1].isalpha(), after=row.get("after", ""),
                before=row.get("before", ""),
            )
            guard = per_word.get(word, row.get("guard", ""))
            if guard:
                guards[word] = guard
    return words, guards


_DATA = _load()

#: Modal + comparative (不得超过 = le, 不应低于 = ge), expanded from [qualifiers.negated].
NEGATED_COMPARATIVES: dict[str, str] = {
    modal + comparative: bound
    for modal in _DATA["qualifiers"]["negated"]["modals"]
    for comparative, bound in _DATA["qualifiers"]["negated"]["comparatives"].items()
}
PREFIX_QUALIFIERS: dict[str, str] = dict(_DATA["qualifiers"]["prefix"]) | NEGATED_COMPARATIVES
PREFIX_QUALIFIER_GUARDS: dict[str, str] = dict(_DATA["qualifiers"]["prefix_guard"])
PREFIX_GUARD_NOUNS: dict[str, tuple[str, ...]] = {word: tuple(nouns) for word, nouns in _DATA["qualifiers"]["prefix_guard_nouns"].items()}
PREFIX_NEEDS_AFTER: dict[str, str] = dict(_DATA["qualifiers"]["needs_after"])
PREFIX_NEEDS_ROUND: frozenset[str] = frozenset(_DATA["qualifiers"]["needs_round"]["words"])
CAPACITY_WORDS: frozenset[str] = frozenset(_DATA["qualifiers"]["capacity"]["words"])
LAST_EVENT_COUNTERS: frozenset[str] = frozenset(_DATA["qualifiers"]["last_events"]["counters"])
LAST_EVENT_MAX: int = int(_DATA["qualifiers"]["last_events"]["max"])
NEAR_LASTING_VERBS: tuple[str, ...] = tuple(_DATA["qualifiers"]["near_lasting"]["verbs"])
WITHIN_WORD: str = _DATA["qualifiers"]["within"]["word"]
WITHIN_UNITS: frozenset[str] = frozenset(_DATA["qualifiers"]["within"]["units"])
TOLERANCE_SIGNS: frozenset[str] = frozenset(_DATA["tolerances"]["signs"])
ASPECT_MARKER: str = _DATA["qualifiers"]["aspect"]["marker"]
ASPECT_MIN_WORD: int = int(_DATA["qualifiers"]["aspect"]["min_word"])
SUFFIX_QUALIFIERS: dict[str, str] = dict(_DATA["qualifiers"]["suffix"])
SUFFIX_NOT_AFTER: dict[str, str] = dict(_DATA["qualifiers"]["suffix_not_after"])
SUFFIX_GUARDS: dict[str, str] = dict(_DATA["qualifiers"]["suffix_guard"])
INFIX_QUALIFIERS: dict[str, str] = dict(_DATA["qualifiers"]["infix"])
BRIDGED_ADVERBS: dict[str, str] = dict(_DATA["qualifiers"]["bridged"]["adverbs"])
BRIDGED_ADJECTIVES: dict[str, str] = dict(_DATA["qualifiers"]["bridged"]["adjectives"])
LINKING_VERBS: tuple[str, ...] = tuple(_DATA["qualifiers"]["bridged"]["linking_verbs"])
BRIDGE_STOP: str = _DATA["qualifiers"]["bridged"]["stop"]
BRIDGE_MODALS: tuple[str, ...] = tuple(_DATA["qualifiers"]["bridged"]["modals"])
INFIX_GUARDS: dict[str, str] = dict(_DATA["qualifiers"]["infix_guard"])
INFIX_AFTER: dict[str, str] = dict(_DATA["qualifiers"]["infix_after"])
MEASURE_APPROX_WORD: str = _DATA["qualifiers"]["measure_approx"]["word"]
MEASURE_ADJECTIVES: str = _DATA["qualifiers"]["measure_approx"]["adjectives"]
FRACTION_SUFFIXES: dict[str, str] = dict(_DATA["qualifiers"]["fraction_suffix"])
FRACTION_SUFFIX_GUARDS: dict[str, str] = dict(_DATA["qualifiers"]["fraction_suffix_guard"])


def _with_shared_guards(words: dict[str, dict], shared: dict[str, str]) -> dict[str, dict]:
    """[words] with each ``guard = "@name"`` replaced by the string of [word_guards] it names."""
    return {word: {key: shared[value[1:]] if key.startswith("guard") and value.startswith("@") else value
                   for key, value in entry.items()} for word, entry in words.items()}


IDIOM_WORDS: dict[str, dict] = _with_shared_guards(_DATA["words"], _DATA["word_guards"])
DIGIT_COUNT_WORD: str = _DATA["digit_count"]["word"]
DIGIT_COUNT_MAX: int = int(_DATA["digit_count"]["max_digits"])
DIGIT_COUNT_GROWTH_AFTER: tuple[str, ...] = tuple(_DATA["digit_count"]["growth_after"])
DIGIT_COUNT_RATE_BEFORE: tuple[str, ...] = tuple(_DATA["digit_count"]["rate_before"])
COUNTED_MAGNITUDE_COUNTER: str = _DATA["counted_magnitude"]["counter"]
COUNTED_MAGNITUDES: str = _DATA["counted_magnitude"]["magnitudes"]
OVER_PER_COUNTER_MAX: int = int(_DATA["qualifiers"]["over_per"]["per_counter_max"])
OVER_OF_WORDS: tuple[str, ...] = (*_DATA["qualifiers"]["over_of"]["words"], *NEGATED_COMPARATIVES)
OVER_NOUN_WORDS: tuple[str, ...] = tuple(_DATA["qualifiers"]["over_noun"]["words"])
OVER_NOUN_MAX: int = _DATA["qualifiers"]["over_noun"]["noun_max"]
OVER_OF_LINK: str = _DATA["qualifiers"]["over_of"]["link"]
OVER_OF_NOUN_MAX: int = int(_DATA["qualifiers"]["over_of"]["noun_max"])
OVER_OF_NOT_BEFORE: str = _DATA["qualifiers"]["over_of"]["not_before"]
OVER_OF_EQUIVALENCE_WORDS: frozenset[str] = frozenset(_DATA["qualifiers"]["over_of"]["equivalence_words"])
OVER_OF_SHARE_UNITS: frozenset[str] = frozenset(_DATA["qualifiers"]["over_of"]["share_units"])
OVER_OF_COMPARED_NOUN_MAX: int = int(_DATA["qualifiers"]["over_of"]["compared_noun_max"])
LEVEL_NOUNS: tuple[str, ...] = tuple(_DATA["qualifiers"]["over_of"]["level_nouns"])
LEVEL_MODIFIER_MAX: int = int(_DATA["qualifiers"]["over_of"]["level_modifier_max"])
LEVEL_COMPARATIVES: frozenset[str] = frozenset(_DATA["qualifiers"]["over_of"]["level_comparatives"])
COMPARED_FIGURE_MARKS: dict[str, tuple[str, ...]] = {
    unit: tuple(marks) for unit, marks in _DATA["qualifiers"]["over_of"]["compared_figure_marks"].items()
}
COMPARED_CLAUSE_MAX: int = int(_DATA["qualifiers"]["over_of"]["compared_clause_max"])
COMPARED_ADVERBS: tuple[str, ...] = tuple(_DATA["qualifiers"]["over_of"]["compared_adverbs"])
MINUS_SIGNS: tuple[str, ...] = tuple(_DATA["signs"]["minus"])
MINUS_GUARD_BEFORE: frozenset[str] = frozenset(_DATA["signs"]["minus_guard_before"])
NEGATIVE_GROWTH_WORDS: tuple[str, ...] = tuple(_DATA["signs"]["negative_growth"])
PLUS_MINUS_WORDS: tuple[str, ...] = tuple(_DATA["signs"]["plus_minus"])
PLUS_SIGNS: tuple[str, ...] = tuple(_DATA["signs"]["plus"])


def _shared_currency_rows(rows: list[dict]) -> list[dict]:
    """Unit rows made from [[shared_currency]]: each country's name before the word, and the word alone."""
    made = []
    for row in rows:
        made.append({"class": "currency", "currency": row.get("default"), "words": [row["word"]]})
        made.extend(
            {"class": "currency", "currency": code, "words": [country + row["word"]]}
            for country, code in row["countries"].items()
        )
    return made


#: Ages: durations in the word written, but no periods counted back (近三十岁 is "nearly thirty"); see [ages].
AGE_WORDS: frozenset[str] = frozenset(_DATA["ages"]["words"])
AGE_YEAR_WORD: str = _DATA["ages"]["year_word"]
AGE_YEAR_QUALIFIERS: frozenset[str] = frozenset(_DATA["ages"]["year_qualifiers"])
AGE_NOT_BEFORE_YEAR: str = _DATA["ages"]["not_before_year"]
AGE_SPOKEN_OPENERS: tuple[str, ...] = tuple(_DATA["ages"]["spoken_openers"])
AGE_SPOKEN_ADVERBS: tuple[str, ...] = tuple(_DATA["ages"]["spoken_adverbs"])
AGE_SPOKEN_SUFFIXES: tuple[str, ...] = tuple(_DATA["ages"]["spoken_suffixes"])
AGE_PERSON_NOUNS: tuple[str, ...] = tuple(_DATA["ages"]["person_nouns"])
AGE_OLDEST: int = _DATA["ages"]["oldest"]
UNIT_WORDS, UNIT_GUARDS = _unit_words(
    _DATA["unit"] + _shared_currency_rows(_DATA["shared_currency"])
    + [{"class": "duration", "words": _DATA["ages"]["words"], "guard_by_word": _DATA["ages"]["guard_by_word"]}]
)
#: Names of money several countries share: word -> {country: ISO 4217 code} ([[shared_currency]]).
SHARED_CURRENCIES: dict[str, dict[str, str]] = {row["word"]: dict(row["countries"]) for row in _DATA["shared_currency"]}
#: The unit and counter words as one tuple, for str.startswith (is a unit written at this position?).
UNIT_WORD_TUPLE: tuple[str, ...] = tuple(UNIT_WORDS)
CURRENCY_PREFIXES: dict[str, str] = dict(_DATA["currency_prefix"])
EXCHANGE_LINKS: tuple[str, ...] = tuple(_DATA["exchange_rates"]["links"])
EXCHANGE_WINDOW: int = int(_DATA["exchange_rates"]["window"])
PROMOTION_THRESHOLD: str = _DATA["promotions"]["threshold"]
PROMOTION_LINKS: tuple[str, ...] = tuple(_DATA["promotions"]["links"])
STATISTIC_SYMBOLS: tuple[str, ...] = tuple(_DATA["statistics"]["symbols"])
STATISTIC_LINKS: tuple[str, ...] = tuple(_DATA["statistics"]["links"])
STATISTIC_DISTRIBUTIVES: tuple[str, ...] = tuple(_DATA["statistics"]["distributives"])
STATISTIC_WORDS: dict[str, str] = dict(_DATA["statistics"]["words"])
STATISTIC_INTERVAL_SEPARATORS: tuple[str, ...] = tuple(_DATA["statistics"]["interval_separators"])
STATISTIC_INTERVAL_OPENERS: str = _DATA["statistics"]["interval_openers"]
STATISTIC_INTERVAL_CLOSERS: str = _DATA["statistics"]["interval_closers"]
CURRENCY_PREFIX_GUARD: str = _DATA["currency_prefix_guard"]["before"]
GENERIC_CURRENCY_WORDS: frozenset[str] = frozenset(_DATA["currency_prefix_guard"]["generic"])
DISTANCE_BASE_UNITS: tuple[str, ...] = tuple(_DATA["per_unit"]["distance_base_units"])
DISTANCE_BASE_NOUNS: tuple[str, ...] = tuple(_DATA["per_unit"]["distance_base_nouns"])
PER_UNIT_SLASHES: str = _DATA["per_unit"]["slashes"]
PER_UNIT_BASE_MAGNITUDES: tuple[str, ...] = tuple(_DATA["per_unit"]["base_magnitudes"])
PER_UNIT_BASE_COUNTERS: tuple[str, ...] = tuple(_DATA["per_unit"]["base_counters"])
PER_UNIT_EXTRA: tuple[str, ...] = tuple(_DATA["per_unit"]["extra"])
PER_UNIT_LATIN: dict[str, str] = dict(_DATA["per_unit"]["latin"])
PER_UNIT_SYMBOLS: dict[str, str] = dict(_DATA["per_unit"]["symbols"])
PER_UNIT_CLASSES: dict[str, str] = dict(_DATA["per_unit"]["classes"])
PER_UNIT_DEFAULT_CLASS: str = _DATA["per_unit"]["default_class"]
PER_UNIT_BEFORE_CLASSES: frozenset[str] = frozenset(_DATA["per_unit"]["before_classes"])
SPEED_WORDS: dict[str, str] = dict(_DATA["speed"]["words"])
SPEED_PER_DURATIONS: tuple[str, ...] = tuple(_DATA["speed"]["per_durations"])
SPEED_WINDOW: int = int(_DATA["speed"]["window"])
SPEED_AFTER: dict[str, str] = dict(_DATA["speed"]["after"])
DECLARED_CURRENCY_HEADERS: tuple[str, ...] = tuple(_DATA["declared_currency"]["currency_headers"])
DECLARED_SAME_BELOW: tuple[str, ...] = tuple(_DATA["declared_currency"]["same_below"])
DECLARED_SEPARATORS: str = _DATA["declared_currency"]["separators"]
DECLARED_BELOW_OPENERS: tuple[str, ...] = tuple(_DATA["declared_currency"]["below_openers"])
DECLARED_BELOW_LINKS: tuple[str, ...] = tuple(_DATA["declared_currency"]["below_links"])
DECLARED_BELOW_WINDOW: int = int(_DATA["declared_currency"]["below_window"])
DECLARED_HEADER_ENDS: str = _DATA["declared_currency"]["header_ends"]
DECLARED_MONEY_NOUNS: tuple[str, ...] = tuple(_DATA["declared_currency"]["money_nouns"])
DECLARED_MONEY_NOUNS_AFTER: tuple[str, ...] = tuple(_DATA["declared_currency"]["money_nouns_after"])
PRICE_NOUNS: tuple[str, ...] = tuple(_DATA["declared_currency"]["price_nouns"])
PRICE_LINKS: tuple[str, ...] = tuple(_DATA["declared_currency"]["price_links"])
DECLARED_COUNT_NOUNS: tuple[str, ...] = tuple(_DATA["declared_currency"]["count_nouns"])
DECLARED_ROW_LABEL_MAX: int = int(_DATA["declared_currency"]["row_label_max"])
DECLARED_ROW_UNITS: dict[str, str] = dict(_DATA["declared_currency"]["row_units"])
CHANGE_VERBS: tuple[str, ...] = tuple(_DATA["change"]["verbs"])
CHANGE_OPENERS: frozenset[str] = frozenset(_DATA["change"]["openers"])
CHANGE_LEVEL_RATIO: float = float(_DATA["change"]["level_ratio"])
CHANGE_LEVEL_VERBS: tuple[str, ...] = tuple(_DATA["change"]["level_verbs"])
FIXED_PHRASES: dict[str, dict] = dict(_DATA["fixed"])
DOUBLING_VERB: str = _DATA["doubling"]["verb"]
DOUBLING_COUNTER: str = _DATA["doubling"]["counter"]
ORDER_OF_MAGNITUDE_WORDS: tuple[str, ...] = tuple(sorted(_DATA["order_of_magnitude"]["words"], key=len, reverse=True))
ORDER_OF_MAGNITUDE_BARE_ONLY: frozenset[str] = frozenset(_DATA["order_of_magnitude"]["bare_only"])
SHARE_CENTS: dict[str, dict] = {entry["word"]: dict(entry) for entry in _DATA["share_cents"]}
if any(len(word) != 1 for word in SHARE_CENTS):
    raise ValueError(f"{LEXICON_FILE}: [[share_cents]] words are single characters (仙, 分)")
HALF_WORD: str = _DATA["half"]["word"]
HALF_PERCENT: float = float(_DATA["half"]["percent"])
HALF_AFTER_UNITS: frozenset[str] = frozenset(_DATA["half"]["after_units"])
DIVISION_COUNTERS: tuple[str, ...] = tuple(_DATA["labels"]["division_counters"])
EDITION_COUNTERS: frozenset[str] = frozenset(_DATA["labels"]["edition_counters"])
SESSION_COUNTER: str = _DATA["labels"]["session_counter"]
SESSION_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["session_words"])
RUN_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["run_words"])
CLASSIFIER_DIVISIONS: frozenset[str] = frozenset(_DATA["labels"]["classifier_divisions"])
MATCH_DIVISIONS: frozenset[str] = frozenset(_DATA["labels"]["match_divisions"])
MATCH_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["match_words"])
DIVISION_BEFORE: tuple[str, ...] = tuple(_DATA["labels"]["division_before"])
DIVISION_AFTER: tuple[str, ...] = tuple(_DATA["labels"]["division_after"])
DOCUMENT_NUMBER_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["document_number_words"])
LABEL_WORDS: tuple[str, ...] = tuple(sorted(_DATA["labels"]["before"], key=len, reverse=True))
LABEL_CODE_COPULAS: str = _DATA["labels"]["code_copulas"]
LABEL_CODE_NOUN_ENDS: str = _DATA["labels"]["code_noun_ends"]
INDEX_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["index_words"])
VERSION_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["version_words"])
VERSION_NOT_AFTER: frozenset[str] = frozenset(_DATA["labels"]["version_not_after"])
RANKING_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["ranking_words"])
LINE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["line_words"])
SERVICE_NUMBER_LENGTH: int = _DATA["labels"]["service_number_length"]
SERVICE_NUMBER_OPENERS: tuple[str, ...] = tuple(_DATA["labels"]["service_number_openers"])
SERVICE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["service_words"])
PROGRAMME_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["programme_words"])
GRADE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["grade_words"])
OCTANE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["octane_words"])
PLAN_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["plan_words"])
CLASS_YEAR_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["class_year_words"])
STATUTE_SECTION_NUMBERS: tuple[str, ...] = tuple(_DATA["labels"]["statute_section_numbers"])
STATUTE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["statute_words"])
DAY_NAME_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["day_name_words"])
COHORT_WORD: str = _DATA["labels"]["cohort_word"]
DAY_DOTS: str = _DATA["labels"]["day_dots"]
FORMULA_PLUS: str = _DATA["labels"]["formula_plus"]
FORMULA_RELATIONS: str = _DATA["labels"]["formula_relations"]
ROUND_THE_CLOCK: tuple[str, ...] = tuple(_DATA["labels"]["round_the_clock"])
ROUND_THE_CLOCK_HOURS: tuple[str, ...] = tuple(_DATA["labels"]["round_the_clock_hours"])
INDEX_NAMES: tuple[str, ...] = tuple(_DATA["labels"]["index_names"])
UNIT_HEADER_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["unit_header_words"])
UNIT_HEADER_LINKS: tuple[str, ...] = tuple(_DATA["labels"]["unit_header_links"])

_NUMERALS = _DATA["numerals"]
SPOKEN_MAGNITUDE_UNITS: tuple[str, ...] = tuple(_NUMERALS["spoken_magnitude_units"])
YI_WORD_HEADS: str = _NUMERALS["yi_word_heads"]
VAGUE_PREFIXES: frozenset[str] = frozenset(_NUMERALS["vague_prefixes"])
VAGUE_PREFIX_NOT_AFTER: dict[str, str] = dict(_NUMERALS["vague_prefix_not_after"])
VAGUE_PREFIX_NOT_BEFORE: tuple[str, ...] = tuple(_NUMERALS["vague_prefix_not_before"])
WILDCARD_GUARD: str = _NUMERALS["wildcard_guard"]
WILDCARD_INTENSIFIER: str = _NUMERALS["wildcard_intensifier"]
RANK_WORD: str = _NUMERALS["rank_word"]
TOP_RANK_WORD: str = _NUMERALS["top_rank_word"]
TOP_RANK_COUNTERS: frozenset[str] = frozenset(_NUMERALS["top_rank_counters"])
TOP_RANK_GUARD: str = _NUMERALS["top_rank_guard"]
FIRST_RANK_WORD: str = _NUMERALS["first_rank_word"]
FIRST_RANK_NOT_AFTER: tuple[str, ...] = tuple(_NUMERALS["first_rank_not_after"])
FIRST_RANK_COUNTERS: tuple[str, ...] = tuple(_NUMERALS["first_rank_counters"])
LIST_ORDINAL_FOLLOWERS: frozenset[str] = frozenset(_NUMERALS["list_ordinal_followers"])
PERCENT_SIGNS: frozenset[str] = frozenset(_NUMERALS["percent_signs"])
PERMILLE_SIGN: str = _NUMERALS["permille_sign"]
PERCENTAGE_POINT_WORDS: tuple[str, ...] = tuple(_NUMERALS["percentage_point_words"])
TENTHS_WORD: str = _NUMERALS["tenths_word"]
TENTHS_GUARD: str = _NUMERALS["tenths_guard"]
DISCOUNT_WORD: str = _NUMERALS["discount_word"]
DISCOUNT_GUARD: str = _NUMERALS["discount_guard"]
MORE_GUARD: str = _NUMERALS["more_guard"]
HALF_GUARD: str = _NUMERALS["half_guard"]
WORTH_WORD: str = _NUMERALS["worth_word"]
PER_WORD: str = _NUMERALS["per_word"]
MIXED_FRACTION_WORD: str = _NUMERALS["mixed_fraction_word"]
ZERO_WORD_BEFORE: frozenset[str] = frozenset(_NUMERALS["zero_word_before"])
FRACTION_SHARE_BEFORE: frozenset[str] = frozenset(_NUMERALS["fraction_share_before"])
FRACTION_SHARE_MAX_DENOMINATOR: int = int(_NUMERALS["fraction_share_max_denominator"])
GE_DURATIONS: tuple[str, ...] = tuple(_NUMERALS["ge_durations"])
CHENG_DIGIT_FOLLOWERS: str = _NUMERALS["cheng_digit_followers"]
LATIN_MAGNITUDES: dict[str, int] = dict(_NUMERALS["latin_magnitudes"])
RESOLUTION_NUMBERS: frozenset[str] = frozenset(_NUMERALS["resolution_numbers"])
LATIN_MAGNITUDES_SPACED: frozenset[str] = frozenset(_NUMERALS["latin_magnitudes_spaced"])
LATIN_MAGNITUDE_WORDS: dict[str, float] = dict(_NUMERALS["latin_magnitude_words"])
WAN_LETTERS: dict[str, int] = dict(_NUMERALS["wan_letters"])
#: Nouns of an audience or of money before a w that is 万 (粉丝50w, 月薪2w).
WAN_NOUNS: tuple[str, ...] = tuple(
    _NUMERALS["wan_nouns"] + _DATA["declared_currency"]["money_nouns"] + _DATA["declared_currency"]["money_nouns_after"]
)
WAN_WINDOW: int = int(_NUMERALS["wan_window"])
RANGE_CONNECTORS: tuple[str, ...] = tuple(_DATA["ranges"]["connectors"])
RANGE_OPEN_AFTER: frozenset[str] = frozenset(_DATA["ranges"]["open_after"])
LIST_SEPARATORS: frozenset[str] = frozenset(_DATA["lists"]["separators"])
DIMENSION_SEPARATORS: frozenset[str] = frozenset(_DATA["lists"]["dimension_separators"])
DIMENSION_MIN: float = float(_DATA["lists"]["dimension_min"])
RESPECTIVELY_WORDS: tuple[str, ...] = tuple(_DATA["lists"]["respectively"])
ENUMERATION_OPENERS: frozenset[str] = frozenset(_DATA["lists"]["enumeration_openers"])
ENUMERATION_MARKS: tuple[str, ...] = tuple(_DATA["lists"]["enumeration_marks"])
MODEL_SUFFIXES: tuple[str, ...] = tuple(_DATA["labels"]["model_suffixes"])
MODEL_LINES: tuple[str, ...] = tuple(_DATA["labels"]["model_lines"])
HYPHEN_MODEL_LINES: tuple[str, ...] = tuple(_DATA["labels"]["hyphen_model_lines"])
SERIAL_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["serial_words"])
LAYOUT_ROOMS: frozenset[str] = frozenset(_DATA["labels"]["layout_rooms"])
ADDRESS_PARTS: tuple[str, ...] = tuple(_DATA["labels"]["address_parts"])
ADDRESS_ZONES: str = _DATA["labels"]["address_zones"]
ADDRESS_LABEL_PARTS: tuple[str, ...] = tuple(_DATA["labels"]["address_label_parts"])
ADDRESS_LOCATIVES: str = _DATA["labels"]["address_locatives"]
ADDRESS_BUILDINGS: tuple[str, ...] = tuple(_DATA["labels"]["address_buildings"])
ADDRESS_ROOM: str = _DATA["labels"]["address_room"]
ADDRESS_ROOM_GUARD: str = _DATA["labels"]["address_room_guard"]
ROUTE_WORD: str = _DATA["labels"]["route_word"]
IDENTIFIER_SCHEMES: tuple[str, ...] = tuple(_DATA["labels"]["identifier_schemes"])
ROUTE_VEHICLES: tuple[str, ...] = tuple(_DATA["labels"]["route_vehicles"])
ROUTE_OPENERS: tuple[str, ...] = tuple(_DATA["labels"]["route_openers"])
CODE_LEAD: frozenset[str] = frozenset(_DATA["labels"]["code_lead"])
SECURITY_CODE_LENGTH: int = int(_DATA["labels"]["security_code_length"])
SECURITY_CODE_LEADS: tuple[str, ...] = tuple(_DATA["labels"]["security_code_leads"])
BOARD_CODE_LENGTHS: frozenset[int] = frozenset(_DATA["labels"]["board_code_lengths"])
BOARD_PRICE_MOVES: tuple[str, ...] = tuple(_DATA["labels"]["price_moves"])
BOARD_MOVE_ADVERBS: str = _DATA["labels"]["price_move_adverbs"]
BOARD_SHARE_NOUNS_AFTER: tuple[str, ...] = tuple(_DATA["labels"]["share_nouns_after"])
BOARD_SHARE_WORDS: tuple[str, ...] = tuple(_DATA["labels"]["share_words"])
SHARE_CLASS_SUFFIXES: tuple[str, ...] = tuple(_DATA["labels"]["share_class_suffixes"])
COUNT_NOUN_LAST_CHARS: tuple[str, ...] = tuple(_DATA["labels"]["count_noun_last_chars"])
EXCHANGE_SUFFIXES: tuple[str, ...] = tuple(_DATA["labels"]["exchange_suffixes"])
POSTAL_CODE_LENGTH: int = int(_DATA["labels"]["postal_code_length"])
POSTAL_CODE_AFTER: frozenset[str] = frozenset(_DATA["labels"]["postal_code_after"])
RELATIVE_YEARS: dict[str, int] = dict(_DATA["dates"]["relative_years"])
NEXT_YEAR_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["next_year_words"])
EARLY_YEAR_MIN: int = _DATA["dates"]["early_year_min"]
YEARS_BETWEEN: str = _DATA["dates"]["years_between"]
YEAR_PART_MONTHS: dict[str, int] = dict(_DATA["dates"]["year_part_months"])
YEAR_PART_GUARD: dict[str, str] = dict(_DATA["dates"]["year_part_guard"])
YEAR_HALF_MONTHS: dict[str, tuple[int, int]] = {
    word: (int(months[0]), int(months[1])) for word, months in _DATA["dates"]["year_half_months"].items()
}
FIRST_QUARTERS_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["first_quarters_words"])
MONTHS_COUNTER: str = _DATA["dates"]["months_counter"]
FIRST_MONTHS_AFTER: tuple[str, ...] = tuple(_DATA["dates"]["first_months_after"])
FIRST_MONTHS_BEFORE: tuple[str, ...] = tuple(_DATA["dates"]["first_months_before"])
SHORT_QUARTER_WORD: str = _DATA["short_quarters"]["word"]
SHORT_QUARTER_GUARD: str = _DATA["short_quarters"]["guard"]
SEASON_WORDS: tuple[str, ...] = tuple(_DATA["short_quarters"]["season_words"])
NETWORK_GRADES: frozenset[str] = frozenset(_DATA["network_grades"]["words"])
HEADING_MAX_TITLE: int = int(_DATA["headings"]["max_title"])
HEADING_MIN_TITLE: int = int(_DATA["headings"]["min_title"])
HEADING_SENTENCE_MARKS: frozenset[str] = frozenset(_DATA["headings"]["sentence_marks"])
DAY_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["day_words"])
#: The words a date reading starts with after a number: 2019 年, 3 月, 22 日 (the first characters of the day words).
DATE_WORDS: frozenset[str] = frozenset("年月") | frozenset(word[0] for word in DAY_WORDS)
_MONTH_PART_GUARD: dict[str, str] = _DATA["dates"]["month_part_guard"]
#: What may follow 月 as part of the date: 份 (4月份) or a part of the month (下旬, 底), as one regex alternation.
MONTH_SUFFIX: str = "|".join(
    [_DATA["dates"]["month_suffix"]] + [
        re.escape(part) + (f"(?![{re.escape(_MONTH_PART_GUARD[part])}])" if part in _MONTH_PART_GUARD else "")
        for part in _DATA["dates"]["month_parts"]
    ]
)
MONTH_SPAN_AFTER: tuple[str, ...] = tuple(_DATA["dates"]["month_span_after"])
MONTH_SPAN_GUARD: str = _DATA["dates"]["month_span_guard"]
MONTH_SPAN_BEFORE: tuple[str, ...] = tuple(_DATA["dates"]["month_span_before"])
DAY_OPENERS: tuple[str, ...] = tuple(_DATA["dates"]["day_openers"])
DAY_FOLLOWERS: tuple[str, ...] = tuple(_DATA["dates"]["day_followers"])
DAY_FREQUENCY_COUNTERS: tuple[str, ...] = tuple(_DATA["dates"]["day_frequency_counters"])
DAY_SPAN_BEFORE: tuple[str, ...] = tuple(_DATA["dates"]["day_span_before"])
DAY_BOUND_BEFORE: tuple[str, ...] = tuple(_DATA["dates"]["day_bound_before"])
DAY_GUARD: str = _DATA["dates"]["day_guard"]
BRACKETED_DATE_BEFORE: dict[str, frozenset[str]] = {
    word: frozenset(before) for word, before in _DATA["dates"]["bracketed_before"].items()
}
BRACKETED_DATE_OPEN: frozenset[str] = frozenset(_DATA["dates"]["bracketed_open"])
BRACKETED_DAY_ALONE_BEFORE: frozenset[str] = frozenset(_DATA["dates"]["bracketed_day_alone_before"])
BRACKETED_DATE_CLOSE: frozenset[str] = frozenset(_DATA["dates"]["bracketed_close"])
YEAR_MARKS: frozenset[str] = frozenset(_DATA["dates"]["year_marks"])
YEAR_PAIR_SEPARATORS: frozenset[str] = frozenset(_DATA["dates"]["year_pair_separators"])
DATE_CODE_PARTICLES: frozenset[str] = frozenset(_DATA["dates"]["date_code_particles"])
COPYRIGHT_MARKS: tuple[str, ...] = tuple(_DATA["dates"]["copyright_marks"])
WEEK_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["week_words"])
YEAR_PAIR_WORD_SEPARATORS: frozenset[str] = frozenset(_DATA["dates"]["year_pair_word_separators"])
YEAR_PERIOD_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["year_period_words"])
#: Longest first, so that 年度 is taken before 年.
YEAR_PAIR_WORDS: tuple[str, ...] = tuple(sorted(_DATA["dates"]["year_pair_words"], key=len, reverse=True))
SHORT_YEAR_METRICS: tuple[str, ...] = tuple(_DATA["dates"]["short_year_metrics"])
CLOCK_WORDS: tuple[str, ...] = tuple(_DATA["dates"]["clock_words"])
#: Years of the Republic of China era ([minguo]): 民國100年 = 2011, 113年第3季, 一一四年度.
MINGUO_ERA_WORDS: tuple[str, ...] = tuple(_DATA["minguo"]["era_words"])
MINGUO_OFFSET: int = int(_DATA["minguo"]["offset"])
REIGN_ERAS: dict[str, int] = {name: int(first) for name, first in _DATA["reign_eras"].items()}
COMMON_ERA_WORDS: tuple[str, ...] = tuple(_DATA["minguo"]["common_era_words"])
BEFORE_COMMON_ERA_WORDS: tuple[str, ...] = tuple(_DATA["minguo"]["before_common_era_words"])
YEAR_POINT_VERBS: tuple[str, ...] = tuple(_DATA["minguo"]["point_verbs"])
MINGUO_CURRENCY: str = _DATA["minguo"]["currency"]
#: The places a text may speak from ([[speaks_from]]: Hong Kong, Taiwan): the currency of their generic 元, the words
#: naming the place as the text's own, and the words that keep 元 the renminbi.
SPEAKS_FROM: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (row["currency"], tuple(row["local_words"]), tuple(row["not_with"])) for row in _DATA["speaks_from"]
)
#: A text in traditional script ([traditional_script]) is placed by its regional vocabulary: each place's currency
#: and words (with the characters that, right before one, make it another word), and the words of mainland usage
#: they must outnumber.
REGIONAL_WORDS: tuple[tuple[str, tuple[str, ...], str], ...] = tuple(
    (row["currency"], tuple(row["regional_words"]), row.get("regional_not_after", "")) for row in _DATA["speaks_from"]
)
TRADITIONAL_MIN_VARIANTS: int = int(_DATA["traditional_script"]["min_variants"])
TRADITIONAL_MIN_SHARE: float = float(_DATA["traditional_script"]["min_share"])
TRADITIONAL_NOT_WITH: tuple[str, ...] = tuple(_DATA["traditional_script"]["not_with"])
MAINLAND_WORDS: tuple[str, ...] = tuple(_DATA["traditional_script"]["mainland_words"])
MINGUO_BARE_YEARS: tuple[int, int] = (int(_DATA["minguo"]["bare_years"][0]), int(_DATA["minguo"]["bare_years"][1]))
MINGUO_AFTER_YEAR: tuple[str, ...] = tuple(_DATA["minguo"]["after_year"])
MINGUO_OPENERS: tuple[str, ...] = tuple(_DATA["minguo"]["openers"])
MINGUO_SPAN_BEFORE: tuple[str, ...] = tuple(_DATA["minguo"]["span_before"]) + DAY_SPAN_BEFORE
MINGUO_SPAN_AFTER: tuple[str, ...] = tuple(_DATA["minguo"]["span_after"])
MINGUO_SPAN_AFTER_NOT: tuple[str, ...] = tuple(_DATA["minguo"]["span_after_not"])
MINGUO_DATE_SEPARATORS: str = _DATA["minguo"]["slash_date_separators"]
CLOCK_BEFORE: tuple[str, ...] = tuple(_DATA["dates"]["clock_before"])
CLOCK_AFTER: tuple[str, ...] = tuple(_DATA["dates"]["clock_after"])
CLOCK_MARKS_AFTER: tuple[str, ...] = tuple(_DATA["dates"]["clock_marks_after"])
CLOCK_QUARTERS: tuple[str, ...] = tuple(_DATA["dates"]["clock_quarters"])
#: The characters that end the quarter-hour words (刻 of 一刻): no decimal digit stands before one.
CLOCK_QUARTER_ENDS: str = "".join(sorted({word[-1] for word in CLOCK_QUARTERS}))
CLOCK_HOUR_GUARD: str = _DATA["dates"]["clock_hour_guard"]
#: Character classes a set phrase may name by placeholder, derived from the units so that no word is typed twice:
#: ``{unit_chars}``, the units and counters of one character (个, 家, 年, 米, 元, and the words read in context: 分, 金 of
#: 三金两银), for a class; ``{measure_words}``,
#: the longer units of a measure, money or time (公里, 平方米, 美元, 小时, 基点), not counters (中心), as an alternation.
SET_PHRASE_CLASSES: dict[str, str] = {
    "{unit_chars}": "".join(sorted(
        {word for word in UNIT_WORDS if len(word) == 1 and is_han_char(word)}
        | {row["word"] for row in (*_DATA["context_unit"], *_DATA["counter_in_context"]) if len(row["word"]) == 1 and is_han_char(row["word"])}
    )),
    "{measure_words}": "|".join(map(re.escape, sorted(
        (word for word, info in UNIT_WORDS.items() if len(word) > 1 and info.unit not in (None, "count") and is_han_char(word[0])),
        key=len, reverse=True,
    ))),
}
SET_PHRASES: tuple[str, ...] = tuple(
    _expand_classes(pattern, SET_PHRASE_CLASSES) for pattern in _DATA["set_phrases"]["patterns"]
)
NAMED_NUMERALS: tuple[str, ...] = tuple(_DATA["named_numerals"]["patterns"])
VARIANTS: dict[str, str] = dict(_DATA["variants"])
CHINESE_DECIMAL_POINTS: str = _DATA["decimal_points"]["between_chinese_digits"]
CHINESE_DECIMAL_THEN: str = _DATA["decimal_points"]["then"]
CHINESE_DECIMAL_NUMERATOR_AFTER: str = _DATA["decimal_points"]["numerator_after"]
if any(len(old) != 1 or len(new) != 1 for old, new in VARIANTS.items()):
    raise ValueError(f"{LEXICON_FILE}: [variants] maps single characters to single characters")
NAMED_NUMERAL_FOLLOWERS: str = _DATA["named_numerals"]["followers"]

#: Money subunits by the main unit word they follow: (currency, {subunit: share of the unit}, {subunit: guard}).
MONEY_SUBUNITS: dict[str, tuple[str, dict[str, float], dict[str, str]]] = {
    unit: (row["currency"], {w: float(v) for w, v in row["subunits"].items()}, dict(row.get("guard", {})))
    for row in _DATA["money_subunits"] for unit in row["units"]
}
#: The share of the unit a digit alone after it stands for (两块五), and what may follow that digit: unit -> (share, chars).
MONEY_IMPLICIT_SUBUNITS: dict[str, tuple[float, str]] = {
    unit: (float(row["implicit"]), row.get("implicit_followers", ""))
    for row in _DATA["money_subunits"] if "implicit" in row for unit in row["units"]
}


#: The units that take decimals written after them (9秒83), with the most digits each takes.
UNIT_DECIMAL_UNITS: dict[str, int] = {unit: int(digits) for unit, digits in _DATA["unit_decimals"]["max_digits"].items()}
#: Durations in two units by their first unit: ({smaller unit: how many make one}, {smaller unit: guard}).
DURATION_PARTS: dict[str, tuple[dict[str, int], dict[str, str]]] = {
    unit: ({w: int(v) for w, v in row["parts"].items()}, dict(row.get("guard", {})))
    for row in _DATA["duration_parts"] for unit in row["units"]
}


@dataclass(frozen=True)
class MoneyCounter:
    """A counter that is a currency's colloquial unit where money is spoken of ([[money_counter]]: 月薪三千块)."""

    currency: str
    nouns: tuple[str, ...]
    followers: str
    window: int
    #: From this amount up, the word with no noun after it is money in any sentence.
    anywhere_from: float
    #: Verbs of a price moving: right after the word, it is money (从八块涨到十二块).
    price_moves: tuple[str, ...]
    #: Adverbs of "only" right before the number that mark a price (才65块).
    price_adverbs: tuple[str, ...]
    #: Counters of an item priced: one after a numeral earlier in the clause makes the amount its price (一碗牛肉面28块).
    item_counters: str
    #: Demonstratives that point at the item priced (那碗), and the counter that then points at none (这个月).
    demonstratives: str
    general_counter: str


MONEY_COUNTERS: dict[str, MoneyCounter] = {
    row["word"]: MoneyCounter(
        row["currency"], tuple(row["nouns"]), row["followers"], int(row["window"]), float(row["anywhere_from"]),
        tuple(row["price_moves"]), tuple(row["price_adverbs"]), row["item_counters"], row["demonstratives"],
        row["general_counter"],
    )
    for row in _DATA["money_counter"]
}
STANDALONE_QUOTES: dict[str, str] = {pair[0]: pair[1] for pair in _DATA["standalone"]["quotes"]}
QUOTED_NAME_MAX: int = _DATA["standalone"]["quoted_name_max"]
TITLE_MARKS: dict[str, str] = {pair[0]: pair[1] for pair in _DATA["standalone"]["title_marks"]}
TITLE_MAX: int = int(_DATA["standalone"]["title_max"])
STANDALONE_COPULAS: tuple[str, ...] = tuple(_DATA["standalone"]["copulas"])
STANDALONE_CLAUSE_ENDS: frozenset[str] = frozenset(_DATA["standalone"]["clause_ends"])

RATIO_COLONS: tuple[str, ...] = tuple(_DATA["ratios"]["colons"])
RATIO_CONTEXT_COLONS: tuple[str, ...] = tuple(_DATA["ratios"]["context_colons"])
SCORE_DASHES: tuple[str, ...] = tuple(_DATA["ratios"]["score_dashes"])
SCORE_WORDS: tuple[str, ...] = tuple(_DATA["ratios"]["score_words"])
SCORE_RESULTS: tuple[str, ...] = tuple(_DATA["ratios"]["score_results"])
RATIO_WORD_COLONS: tuple[str, ...] = tuple(_DATA["ratios"]["word_colons"])
RATIO_WORDS: tuple[str, ...] = tuple(_DATA["ratios"]["words"])
RATIO_WORD_WINDOW: int = int(_DATA["ratios"]["word_window"])
RATIO_AFTER_LINK: str = _DATA["ratios"]["after_link"]
RATIO_NAMED_WORDS: tuple[str, ...] = tuple(_DATA["ratios"]["named_words"])
SCORE_NOUNS: tuple[str, ...] = tuple(_DATA["ratios"]["score_nouns"])
QUAKE_SCALE_WORDS: tuple[str, ...] = tuple(_DATA["ratios"]["quake_scale_words"])
QUAKE_NOUNS: tuple[str, ...] = tuple(_DATA["ratios"]["quake_nouns"])
QUAKE_WINDOW: int = _DATA["ratios"]["quake_window"]
QUAKE_MAX: float = _DATA["ratios"]["quake_max"]
QUAKE_DECIMAL_WORDS: tuple[str, ...] = tuple(_DATA["ratios"]["quake_decimal_words"])
RATIO_NAMED_LINKS: tuple[str, ...] = tuple(_DATA["ratios"]["named_links"])
RATIO_LEVEL_ENDS: str = "".join(_DATA["ratios"]["level_ends"])
RATIO_LEVEL_VERB_MAX: int = _DATA["ratios"]["level_verb_max"]
RATIO_COMPARED_OPENERS: tuple[str, ...] = tuple(_DATA["ratios"]["compared_openers"])
RATIO_COMPARED_END: str = _DATA["ratios"]["compared_end"]
RATIO_NOT_NAMED: str = _DATA["ratios"]["not_named"]

DEGREE_WORDS: frozenset[str] = frozenset(_DATA["temperature_degrees"]["words"])


@dataclass(frozen=True)
class CounterInContext:
    """A counter or unit word that measures another quantity where that is spoken of ([[counter_in_context]]: 呎 of a
    flat's floor area, 匹 of an engine's power)."""

    unit: str
    symbol: str
    nouns: tuple[str, ...]
    after_words: tuple[str, ...]
    window: int


COUNTERS_IN_CONTEXT: dict[str, CounterInContext] = {
    row["word"]: CounterInContext(
        row["class"], row["symbol"], tuple(row["nouns"]), tuple(row.get("after_words", ())), int(row["window"])
    )
    for row in _DATA["counter_in_context"]
}
DEGREE_DECIMAL_DIGITS: int = int(_DATA["temperature_degrees"]["decimal_digits"])
DEGREE_GUARD: str = _DATA["temperature_degrees"]["guard"]
ANGLE_SIGN: str = _DATA["temperature_degrees"]["angle_sign"]
TEMPERATURE_SCALES: dict[str, str] = dict(_DATA["temperature_degrees"]["scales"])
TEMPERATURE_NOUNS: tuple[str, ...] = tuple(_DATA["temperature_degrees"]["nouns"])
TEMPERATURE_VERBS_AFTER: tuple[str, ...] = tuple(_DATA["temperature_degrees"]["verbs_after"])
TEMPERATURE_NOUN_WINDOW: int = int(_DATA["temperature_degrees"]["window"])
TEMPERATURE_SENTENCE_WINDOW: int = int(_DATA["temperature_degrees"]["sentence_window"])
_RATE_LI = _DATA["rate_li"]
RATE_LI_WORD: str = _RATE_LI["word"]
RATE_LI_CHANGE_NOUNS: tuple[str, ...] = tuple(_RATE_LI["change_nouns"])
RATE_LI_LEVEL_NOUNS: tuple[str, ...] = tuple(_RATE_LI["level_nouns"])
RATE_LI_MONTHLY_NOUNS: tuple[str, ...] = tuple(_RATE_LI["monthly_nouns"])
RATE_LI_LEVEL_LINKS: str = _RATE_LI["level_links"]
RATE_LI_CHANGE_VERBS: str = _RATE_LI["change_verbs"]
RATE_LI_GUARD: str = _RATE_LI["guard"]
RATE_LI_WINDOW: int = int(_RATE_LI["window"])
RATE_STEP_WORD: str = _DATA["rate_steps"]["word"]
RATE_POINT_WORD: str = _DATA["rate_points"]["word"]
RATE_POINT_NOUNS: tuple[str, ...] = tuple(_DATA["rate_points"]["nouns"])
RATE_POINT_GUARD: str = _DATA["rate_points"]["guard"]
RATE_POINT_WINDOW: int = _DATA["rate_points"]["window"]
RATE_STEP_POINTS: float = float(_DATA["rate_steps"]["points"])
RATE_STEP_NOUNS: tuple[str, ...] = tuple(_DATA["rate_steps"]["nouns"])
RATE_STEP_WINDOW: int = int(_DATA["rate_steps"]["window"])


@dataclass(frozen=True)
class ContextUnit:
    """A unit word that is a unit only where its quantity is spoken of ([[context_unit]]: 身高1.75m, 得分68.9分)."""

    unit: str
    symbol: str | None
    nouns: tuple[str, ...]
    adjectives: str
    guard: str
    window: int
    #: A whole number up to this needs the context; any other number takes the unit anywhere (None: always context).
    ambiguous_max: int | None = None
    #: Words right after the unit word that name its quantity (438.20分的总成绩).
    after_words: tuple[str, ...] = ()
    #: Words after the unit word that its guard lets stand although they begin with a guard character (分之间).
    guard_except: tuple[str, ...] = ()


CONTEXT_UNITS: dict[str, ContextUnit] = {
    row["word"]: ContextUnit(
        unit=row["class"], symbol=row.get("symbol"), nouns=tuple(row["nouns"]), adjectives=row.get("adjectives", ""),
        guard=row.get("guard", ""), window=int(row["window"]), ambiguous_max=row.get("ambiguous_max"),
        after_words=tuple(row.get("after_words", ())), guard_except=tuple(row.get("guard_except", ())),
    )
    for row in _DATA["context_unit"]
}

CENTURY_WORD: str = _DATA["centuries"]["word"]
DECADE_WORD: str = _DATA["centuries"]["decade_word"]
CENTURY_MAX: int = int(_DATA["centuries"]["max"])
RELATIVE_CENTURIES: dict[str, int] = dict(_DATA["centuries"]["relative"])

COMPARISON_WORD: str = _DATA["qualifiers"]["comparison"]["word"]
COMPARISON_ADJECTIVES: dict[str, str] = dict(_DATA["qualifiers"]["comparison"]["adjectives"])
COMPARISON_AFTER: str = _DATA["qualifiers"]["comparison"]["after"]
COMPARISON_GUARD_BEFORE: str = _DATA["qualifiers"]["comparison"]["guard_before"]
