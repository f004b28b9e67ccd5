"""Seeded generators for identifier values, in the many real-world formats people type.

Faker supplies names, streets, towns, emails and UK phone numbers; formats Faker renders
unrealistically (US phones, NHS checksums, MRNs) are built here so the rules meet real shapes.
"""

from __future__ import annotations

import random

from faker import Faker


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def nhs_number(rng: random.Random) -> str:
    while True:
        body = _digits(rng, 9)
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            n = body + str(check)
            return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def us_phone(rng: random.Random) -> str:
    a, b, c = f"{rng.randint(201, 989)}", f"{rng.randint(200, 999)}", _digits(rng, 4)
    return rng.choice(
        [
            f"({a}) {b}-{c}",
            f"{a}-{b}-{c}",
            f"{a}.{b}.{c}",
            f"+1 {a} {b} {c}",
            f"{a}{b}{c}",
            f"1-{a}-{b}-{c}",
            f"+1 ({a}) {b}-{c}",
        ]
    )


def mrn(rng: random.Random) -> str:
    return rng.choice(
        [
            _digits(rng, 8),
            f"{_letters(rng, 2)}{_digits(rng, 7)}",
            f"H{_digits(rng, 6)}",
            f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}",
            f"MRN-{_digits(rng, 6)}",
            _digits(rng, 10),
            f"{_letters(rng, 3)}{_digits(rng, 5)}",
        ]
    )


def insurance(rng: random.Random) -> str:
    mbi = (
        f"{rng.randint(1, 9)}{_letters(rng, 2)}{rng.randint(0, 9)}-{_letters(rng, 1)}"
        f"{_letters(rng, 1)}{rng.randint(0, 9)}-{_letters(rng, 2)}{_digits(rng, 2)}"
    )
    return rng.choice(
        [
            f"{_letters(rng, 2)}{_digits(rng, 8)}",
            f"W{_digits(rng, 9)}",
            mbi,
            f"{_letters(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}",
            _digits(rng, 11),
        ]
    )


def passport(rng: random.Random) -> str:
    return rng.choice(
        [
            _digits(rng, 9),
            f"{_letters(rng, 2)}{_digits(rng, 7)}",
            f"{_letters(rng, 1)}{_digits(rng, 8)}",
        ]
    )


def licence(rng: random.Random, faker: Faker) -> str:
    uk = (
        (faker.last_name().upper() + "99999")[:5]
        + _digits(rng, 6)
        + _letters(rng, 2)
        + str(rng.randint(0, 9))
        + _letters(rng, 2)
    )
    return rng.choice(
        [
            uk,
            f"{_letters(rng, 1)}{_digits(rng, 7)}",
            f"{_letters(rng, 1)}{_digits(rng, 3)}-{_digits(rng, 4)}-{_digits(rng, 4)}",
        ]
    )


def ssn(rng: random.Random) -> str:
    a = f"{rng.randint(101, 665):03d}"
    b, c = f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    return rng.choice([f"{a}-{b}-{c}", f"{a} {b} {c}"])


def nino(rng: random.Random) -> str:
    p = rng.choice(["AB", "JT", "NE", "SH", "WP", "KC", "PR", "ZX"])
    d = _digits(rng, 6)
    return rng.choice(
        [f"{p}{d}{rng.choice('ABCD')}", f"{p} {d[:2]} {d[2:4]} {d[4:]} {rng.choice('ABCD')}"]
    )


def a_date(rng: random.Random, faker: Faker, lo: int = 1920, hi: int = 2005) -> str:
    d = faker.date_between_dates(
        date_start=faker.date_object().replace(year=lo, month=1, day=1),
        date_end=faker.date_object().replace(year=hi, month=12, day=28),
    )
    return rng.choice(
        [
            d.strftime("%d/%m/%Y"),
            f"{d.day} {d.strftime('%B %Y')}",
            f"{d.strftime('%B')} {d.day}, {d.year}",
            d.isoformat(),
            d.strftime("%m/%d/%Y"),
            f"{d.day} {d.strftime('%b %Y')}",
            d.strftime("%d.%m.%Y"),
        ]
    )


def make_values(rng: random.Random, gb: Faker, us: Faker) -> dict[str, str]:
    """One value for every identifier slot, drawing UK or US flavour at random."""
    f = rng.choice([gb, us])
    street = f.street_address().replace("\n", ", ")
    return {
        "name": f"{f.first_name()} {f.last_name()}",
        "first": f.first_name(),
        "last": f.last_name(),
        "phone_uk": gb.phone_number(),
        "phone_us": us_phone(rng),
        "email": f.email(),
        "mrn": mrn(rng),
        "nhs": nhs_number(rng),
        "postcode": gb.postcode(),
        "zip": rng.choice([us.zipcode(), us.zipcode_plus4()]),
        "street": street,
        "city": f.city(),
        "state": us.state_abbr(include_territories=False),
        "dob": a_date(rng, f),
        "age90": str(rng.randint(90, 104)),
        "insurance": insurance(rng),
        "passport": passport(rng),
        "licence": licence(rng, gb),
        "ssn": ssn(rng),
        "nino": nino(rng),
        "ip": rng.choice([f.ipv4_public(), f.ipv4_private(), f.ipv6()]),
        "url": rng.choice(
            [
                f.url(),
                f"https://{f.domain_name()}/{f.uri_path()}",
                f"www.{f.domain_name()}/{f.slug()}",
            ]
        ),
        "card": f.credit_card_number(),
        "date": a_date(rng, f, 2018, 2025),
    }
