"""Recognizers for network and payment identifiers, and the generic long-number safety net."""

from __future__ import annotations

from safety.pii.base import RegexRecognizer
from safety.pii.base import digits_of as _digits


class IpAddressRecognizer(RegexRecognizer):
    """IPv4 and (simple) IPv6 addresses."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = (
        (
            r"(?<![\d.])(?P<v>(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))"
            r"(?![\d.]\d)",
            0.9,
        ),
        (
            r"(?<![\w:])(?P<v>(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|"
            r"(?:[0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4})(?![\w:])",
            0.8,
        ),
    )


class UrlRecognizer(RegexRecognizer):
    """Web addresses with a scheme or a www. prefix, or a bare domain with a path."""

    ENTITY = "URL"
    PATTERNS = (
        (r"(?P<v>(?i:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)])", 0.9),
        (
            r"(?<![@\w.])(?P<v>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|org\.uk|nhs\.uk|io|"
            r"info|health)/[^\s<>\"']*[^\s<>\"'.,;:!?)])",
            0.8,
        ),
    )


class CreditCardRecognizer(RegexRecognizer):
    """Payment card numbers: 13-19 digits that pass the Luhn check."""

    ENTITY = "CREDIT_CARD"
    PATTERNS = ((r"(?<![\d-])(?P<v>\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7})(?![\d-])", 0.85),)

    def validate(self, value: str) -> bool:
        digits = _digits(value)
        if not 13 <= len(digits) <= 19:
            return False
        total = 0
        for i, d in enumerate(reversed(digits)):
            n = int(d) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        return total % 10 == 0


class GenericIdRecognizer(RegexRecognizer):
    """A safety net: long digit runs or digit-heavy codes that no cue explained."""

    ENTITY = "ID_NUMBER"

    def validate(self, value: str) -> bool:
        digits = len(_digits(value))
        return digits >= 7 or (digits >= 5 and any(c.isalpha() for c in value))

    PATTERNS = (
        (r"(?<![\w/.,-])(?P<v>\d{7,})(?![\w/.,]\d)", 0.4),
        (r"(?<![\w.-])(?P<v>\d{2,5}(?:[-.]\d{2,5}){2,})(?![\w-]|\.\d)", 0.4),
        (
            r"(?<![\w/.-])(?P<v>(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)"
            r"(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,}[A-Z0-9])(?![\w-])",
            0.4,
        ),
    )
