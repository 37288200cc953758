"""The DfE Children in Need census's codes for a child's characteristics, and the UPN check letter.

Pure: no Django. The codes are the census 2026-27 code sets as the sector validator holds them
(csc-validator-be-cin rules 4220 ethnicity, 8540 disability, 8770Q UPN unknown; see
shared/STATUTORY-RETURNS.md); the people app stores them and the census writes them as they are.
"""

ETHNICITY = (
    ("WBRI", "White: British"), ("WIRI", "White: Irish"), ("WIRT", "White: Traveller of Irish heritage"),
    ("WOTH", "White: any other White background"), ("WROM", "White: Gypsy or Roma"),
    ("MWBC", "Mixed: White and Black Caribbean"), ("MWBA", "Mixed: White and Black African"),
    ("MWAS", "Mixed: White and Asian"), ("MOTH", "Mixed: any other mixed background"),
    ("AIND", "Asian or Asian British: Indian"), ("APKN", "Asian or Asian British: Pakistani"),
    ("ABAN", "Asian or Asian British: Bangladeshi"), ("AOTH", "Asian or Asian British: any other Asian background"),
    ("BCRB", "Black or Black British: Caribbean"), ("BAFR", "Black or Black British: African"),
    ("BOTH", "Black or Black British: any other Black background"), ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"), ("REFU", "Refused"), ("NOBT", "Information not yet obtained"),
)

NO_DISABILITY = "NONE"
DISABILITY = (
    (NO_DISABILITY, "No disability"), ("MOB", "Mobility"), ("HAND", "Hand function"),
    ("PC", "Personal care"), ("INC", "Incontinence"), ("COMM", "Communication"), ("LD", "Learning"),
    ("HEAR", "Hearing"), ("VIS", "Vision"), ("BEH", "Behaviour"), ("CON", "Consciousness"),
    ("AUT", "Autism or Asperger syndrome"), ("DDA", "Other disability (Equality Act 2010)"),
)

# UN1 and UN7 are defined in the validator's rules (8770Q, 8772); the DfE guide names the others.
UPN_UNKNOWN = (
    ("UN1", "UN1: child not of school age and not in education"),
    ("UN2", "UN2: child of school age but not in a school in England"),
    ("UN3", "UN3: child educated outside the maintained sector"),
    ("UN4", "UN4: UPN not yet obtained from the school"),
    ("UN5", "UN5: the child's UPN is not recorded"),
    ("UN6", "UN6: child is an unaccompanied asylum-seeking child"),
    ("UN7", "UN7: referral with no further action"),
)

# DfE "Unique pupil numbers (UPNs): guidance": the check letter is sum(character_i * i, i = 2..13)
# modulo 23 read in this alphabet (no I, O or S); a temporary UPN's 13th character is a letter
# of the same alphabet, counting as its place in it.
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


# Characters 2-4 of a UPN: the DfE number of the authority that issued it (validator rule 1530).
_LA_RANGES = ((1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384),
              (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816),
              (820, 823), (825, 826), (830, 831), (835, 841), (845, 846), (850, 852), (855, 857), (860, 861),
              (865, 896), (908, 909), (916, 916), (919, 919), (921, 921), (925, 926), (928, 929), (931, 931),
              (933, 933), (935, 938), (940, 941))
UPN_LA_CODES = frozenset(f"{n:03d}" for low, high in _LA_RANGES for n in range(low, high + 1))


def upn_check_letter(upn: str) -> str | None:
    """The check letter the last 12 characters of a UPN call for, or None if they cannot carry one."""
    body = upn[1:]
    if len(body) != 12 or not body[:11].isdigit():
        return None
    last = body[11]
    if last.isdigit():
        value = int(last)
    elif last in CHECK_LETTERS:
        value = CHECK_LETTERS.index(last)
    else:
        return None
    total = sum(int(char) * weight for weight, char in enumerate(body[:11], start=2)) + value * 13
    return CHECK_LETTERS[total % 23]


def upn_problem(upn: str) -> str | None:
    """What is wrong with a UPN as typed, in words for the page, or None."""
    if not upn:
        return None
    if len(upn) != 13:
        return f"A UPN is 13 characters; {upn} has {len(upn)}"
    expected = upn_check_letter(upn)
    if expected is None:
        return "A UPN is a letter, then 11 digits, then a digit or a letter, like H873200419101"
    if upn[1:4] not in UPN_LA_CODES:
        return (f"Characters 2 to 4 of a UPN are the number of the local authority that issued it; {upn[1:4]} is "
                "not one. Check it for a typing mistake")
    if upn[0] != expected:
        return (f"The UPN {upn} is not valid: its first letter (the check letter) should be {expected} for the "
                "12 characters after it. Check it for a typing mistake")
    return None


def disabilities_problem(codes: list[str]) -> str | None:
    """A child's disabilities as the census takes them: known codes, no repeats, 'no disability' alone."""
    known = {code for code, _ in DISABILITY}
    if unknown := [code for code in codes if code not in known]:
        return f"Not a census disability code: {', '.join(unknown)}"
    if len(set(codes)) != len(codes):
        return "A disability is listed twice"
    if NO_DISABILITY in codes and len(codes) > 1:
        return "Select 'No disability' on its own, or only the disabilities the child has"
    return None
