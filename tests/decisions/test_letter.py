"""The outcome letter belongs to the area: its names, headings and numbers, the channel the contact came by,
and a signature block that stays on one page."""

import io

import pytest
from pypdf import PdfReader

from frontdoor.decisions.letter import letter_email_body, outcome_letter_pdf
from frontdoor.decisions.services import decision_record
from frontdoor.intake.models import Contact
from tests import factories

pytestmark = pytest.mark.django_db

AREA = {"name": "Fenmoor", "childrens_service": "Fenmoor Children’s Services",
        "safeguarding_partnership": "Fenmoor Safeguarding Children Partnership",
        "front_door_phone": "01632 960111", "edt_phone": "01632 960222", "levels_of_need_tool": "levels_of_need"}


def _decision(channel=Contact.Channel.ONLINE, rationale="Domestic abuse witnessed by Ruby; needs assessment."):
    practitioner = factories.user(role="practitioner", first="Sam", last="Patel")
    if channel == Contact.Channel.ONLINE:
        contact = factories.contact()
    else:
        contact = factories.contact(submitted_by=practitioner, channel=channel,
                                    referrer_email="pc.wilson@police.example")
    return decision_record(user=practitioner, contact=contact, contact_version=contact.version, level=3,
                           outcome_codes=["L3.2"], rationale=rationale, social_worker_name="Sam Patel",
                           unidentified_reason="Child not yet in the person index")


def _pages(decision) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(outcome_letter_pdf(decision))).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_letter_carries_the_areas_names_headings_and_numbers(settings):
    settings.FRONTDOOR_AREA = AREA
    text = _flat("\n".join(_pages(_decision())))
    assert "REFERRAL OUTCOME NOTIFICATION – FENMOOR CHILDREN’S SERVICES" in text
    assert "the agreed Fenmoor Safeguarding Children Partnership levels of need" in text
    assert "FFD contact number is: 01632 960111" in text and "EDT contact number is: 01632 960222" in text
    assert "Worcestershire" not in text and "822666" not in text and "768020" not in text and "{" not in text


def test_the_demo_area_is_the_default_not_worcestershire():
    text = _flat("\n".join(_pages(_decision())))
    assert "FICTIONAL SHIRE CHILDREN’S SOCIAL WORK SERVICE" in text
    assert "Fictional Shire Safeguarding Children Partnership" in text
    assert "Worcestershire" not in text and "822666" not in text and "768020" not in text


def test_the_email_carries_the_same_area_words(settings):
    settings.FRONTDOOR_AREA = AREA
    body = letter_email_body(_decision())
    assert "FENMOOR CHILDREN’S SERVICES" in body and "Fenmoor Safeguarding Children Partnership" in body
    assert "01632 960111" in body and "01632 960222" in body and "Worcestershire" not in body


@pytest.mark.parametrize("channel, thanks", [(Contact.Channel.PHONE, "Thank you for your call,"),
                                             (Contact.Channel.EMAIL, "Thank you for your email,"),
                                             (Contact.Channel.ONLINE, "Thank you for your online referral,")])
def test_thank_you_follows_the_channel_the_contact_came_by(channel, thanks):
    text = _flat("\n".join(_pages(_decision(channel=channel))))
    assert thanks in text
    assert text.count("Thank you for your call") == (1 if channel == Contact.Channel.PHONE else 0)


def test_the_signature_block_stays_on_one_page_whatever_the_rationale_length():
    # Rationales from short to long move the signature block down the page and over the page break: at
    # every length the block's first line and last line are on the same page.
    for lines in range(0, 64, 3):
        rationale = "\n".join(f"Line {n} of the rationale." for n in range(lines)) or "Short."
        pages = [_flat(page) for page in _pages(_decision(rationale=rationale))]
        [first] = [i for i, page in enumerate(pages) if "please contact me" in page]
        [last] = [i for i, page in enumerate(pages) if "EDT contact number is:" in page]
        assert first == last, f"signature split across pages with {lines} rationale lines"
