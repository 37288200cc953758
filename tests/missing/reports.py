"""A valid missing-person report, changed as a test needs."""


def report(**overrides) -> dict:
    return {"force": "West Mercia Police", "police_reference": "MP-2026-0001", "child_given_name": "Ruby",
            "child_family_name": "Hartley", "child_dob": "2012-03-14", "child_sex": "female",
            "postcode": "FD1 2AB", "missing_from": "2026-11-30T21:00:00+00:00",
            "reported_at": "2026-11-30T23:10:00+00:00", **overrides}
