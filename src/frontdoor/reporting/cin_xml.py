"""The DfE Children in Need census return as data, and the XML the DfE's COLLECT takes.

Pure: no Django. `cin_census.py` fills these records from the casework; `census_xml` writes them
in the element order of the CIN schema and shared/statutory/cin_sample_valid.xml (the sector
validator reads the XML by element name, but COLLECT checks the schema's order): dates YYYY-MM-DD,
booleans true/false, an optional element left out when there is nothing to say.
"""
from dataclasses import dataclass
from datetime import date, datetime
from xml.etree import ElementTree as ET


@dataclass(frozen=True)
class Header:
    la_code: str  # LEA, the three-digit DfE LA number
    software_code: str
    release: str
    serial_no: int
    created_at: datetime
    reference_date: date  # the last day of the census year, 31 March

    @property
    def year(self) -> int:
        """The census is named by the year it ends in (validator rule 100: 2027 for 2026-27)."""
        return self.reference_date.year


@dataclass(frozen=True)
class Assessment:
    started_on: date
    authorised_on: date | None = None
    factors: tuple[str, ...] = ()
    internal_review_on: date | None = None


@dataclass(frozen=True)
class CinPlan:
    started_on: date
    ended_on: date | None = None


@dataclass(frozen=True)
class Section47:
    started_on: date
    icpc_not_required: bool
    icpc_target: date | None = None
    icpc_on: date | None = None


@dataclass(frozen=True)
class ProtectionPlan:
    started_on: date
    initial_category: str
    latest_category: str
    previous_plans: int
    ended_on: date | None = None
    reviews: tuple[date, ...] = ()


@dataclass(frozen=True)
class CinEpisode:
    referral_date: date
    source: str
    nfa: bool
    primary_need: str | None = None
    closed_on: date | None = None
    closure_reason: str = ""
    icpc_on: date | None = None  # a conference with no section 47 in this episode (a transfer-in)
    assessments: tuple[Assessment, ...] = ()
    cin_plans: tuple[CinPlan, ...] = ()
    section_47s: tuple[Section47, ...] = ()
    plans: tuple[ProtectionPlan, ...] = ()


@dataclass(frozen=True)
class Child:
    la_child_id: str
    sex: str  # M, F, U
    birth_date: date | None = None
    expected_birth_date: date | None = None
    upn: str = ""
    former_upn: str = ""
    upn_unknown: str = ""
    death_date: date | None = None
    ethnicity: str = ""
    disabilities: tuple[str, ...] = ()
    episodes: tuple[CinEpisode, ...] = ()


def _text(value) -> str:
    if isinstance(value, bool):  # before int: a bool is an int
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _add(parent: ET.Element, tag: str, value=None) -> ET.Element | None:
    """A child element holding `value`; nothing for None or an empty string (an optional item not known)."""
    if value is None or value == "":
        return None
    element = ET.SubElement(parent, tag)
    element.text = _text(value)
    return element


def _fields(parent: ET.Element, pairs) -> None:
    for tag, value in pairs:
        _add(parent, tag, value)


def _header(message: ET.Element, header: Header) -> None:
    element = ET.SubElement(message, "Header")
    _fields(ET.SubElement(element, "CollectionDetails"), (
        ("Collection", "CIN"), ("Year", header.year), ("ReferenceDate", header.reference_date)))
    _fields(ET.SubElement(element, "Source"), (
        ("SourceLevel", "L"), ("LEA", header.la_code), ("SoftwareCode", header.software_code),
        ("Release", header.release), ("SerialNo", f"{header.serial_no:03d}"), ("DateTime", header.created_at)))


def _repeated(parent: ET.Element, group: str, tag: str, values) -> None:
    if values:
        element = ET.SubElement(parent, group)
        for value in values:
            _add(element, tag, value)


def _assessment(parent: ET.Element, assessment: Assessment) -> None:
    element = ET.SubElement(parent, "Assessments")
    _fields(element, (("AssessmentActualStartDate", assessment.started_on),
                      ("AssessmentInternalReviewDate", assessment.internal_review_on),
                      ("AssessmentAuthorisationDate", assessment.authorised_on)))
    _repeated(element, "FactorsIdentifiedAtAssessment", "AssessmentFactors", assessment.factors)


def _plan(parent: ET.Element, plan: ProtectionPlan) -> None:
    element = ET.SubElement(parent, "ChildProtectionPlans")
    _fields(element, (("CPPstartDate", plan.started_on), ("CPPendDate", plan.ended_on),
                      ("InitialCategoryOfAbuse", plan.initial_category),
                      ("LatestCategoryOfAbuse", plan.latest_category), ("NumberOfPreviousCPP", plan.previous_plans)))
    _repeated(element, "Reviews", "CPPreviewDate", plan.reviews)


def _episode(parent: ET.Element, episode: CinEpisode) -> None:
    element = ET.SubElement(parent, "CINdetails")
    _fields(element, (("CINreferralDate", episode.referral_date), ("ReferralSource", episode.source),
                      ("PrimaryNeedCode", episode.primary_need), ("CINclosureDate", episode.closed_on),
                      ("ReasonForClosure", episode.closure_reason), ("DateOfInitialCPC", episode.icpc_on)))
    for assessment in episode.assessments:
        _assessment(element, assessment)
    for cin_plan in episode.cin_plans:
        _fields(ET.SubElement(element, "CINPlanDates"), (("CINPlanStartDate", cin_plan.started_on),
                                                         ("CINPlanEndDate", cin_plan.ended_on)))
    for enquiry in episode.section_47s:
        _fields(ET.SubElement(element, "Section47"), (
            ("S47ActualStartDate", enquiry.started_on), ("InitialCPCtarget", enquiry.icpc_target),
            ("DateOfInitialCPC", enquiry.icpc_on), ("ICPCnotRequired", enquiry.icpc_not_required)))
    _add(element, "ReferralNFA", episode.nfa)
    for plan in episode.plans:
        _plan(element, plan)


def _child(parent: ET.Element, child: Child) -> None:
    element = ET.SubElement(parent, "Child")
    _fields(ET.SubElement(element, "ChildIdentifiers"), (
        ("LAchildID", child.la_child_id), ("UPN", child.upn), ("FormerUPN", child.former_upn),
        ("UPNunknown", child.upn_unknown), ("PersonBirthDate", child.birth_date),
        ("ExpectedPersonBirthDate", child.expected_birth_date), ("Sex", child.sex),
        ("PersonDeathDate", child.death_date)))
    characteristics = ET.SubElement(element, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", child.ethnicity)
    _repeated(characteristics, "Disabilities", "Disability", child.disabilities)
    for episode in child.episodes:
        _episode(element, episode)


def census_element(header: Header, children: list[Child]) -> ET.Element:
    message = ET.Element("Message")
    _header(message, header)
    container = ET.SubElement(message, "Children")
    for child in children:
        _child(container, child)
    return message


def census_xml(header: Header, children: list[Child]) -> bytes:
    """The return as UTF-8 XML with its declaration, indented as the sample is."""
    tree = ET.ElementTree(census_element(header, children))
    ET.indent(tree, space="  ")
    return ET.tostring(tree.getroot(), encoding="UTF-8", xml_declaration=True) + b"\n"
