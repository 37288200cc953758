"""Social work pages: a worker's cases, the team's work, one child's episode with its clocks, and
the record page of each child protection step."""
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.agencies.decorators import role_required
from frontdoor.agencies.models import Membership
from frontdoor.casework import selectors, services
from frontdoor.casework.clocks import EHA_DUE_WORKING_DAYS, first_core_group_due
from frontdoor.casework.errors import CaseworkError
from frontdoor.casework.forms import (
    AllocateForm, AssessmentForm, CaseloadFilterForm, CINPlanEndForm, CINPlanReviewForm, CINPlanStartForm, CoreGroupForm,
    EarlyHelpAssessmentForm, EarlyHelpCloseForm, EmergencyProtectionForm, EpisodeCloseForm, InitialConferenceForm,
    OfferResponseForm, PlanActionForm, PlanContentsForm, ReviewConferenceForm, Section47Form, StepForm,
    StrategyDiscussionForm, TACMeetingForm, VisitForm,
)

SOCIAL_WORKER, TEAM_MANAGER = Membership.Role.SOCIAL_WORKER, Membership.Role.TEAM_MANAGER
CHAIR = Membership.Role.CONFERENCE_CHAIR
CASEWORK = (SOCIAL_WORKER, TEAM_MANAGER, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
def my_cases(request):
    episodes = selectors.episodes_visible_to(user=request.user).filter(allocated_to=request.user)
    page = selectors.caseload(user=request.user, episodes=episodes, reason="My cases", today=timezone.localdate(),
                              page=request.GET.get("page"))
    return render(request, "casework/my_cases.html", {"page": page, "today": timezone.localdate(),
                                                       "page_title": "My cases"})


@login_required
@role_required(TEAM_MANAGER)
def team_cases(request):
    episodes = selectors.episodes_visible_to(user=request.user).filter(team__in=request.user.casework_teams.all())
    form = CaseloadFilterForm(request.GET, workers=selectors.team_social_workers(manager=request.user))
    shown, due = episodes, ""
    if form.is_valid():
        worker, due = form.cleaned_data["worker"], form.cleaned_data["due"]
        if worker == form.UNALLOCATED:
            shown = episodes.filter(allocated_to__isnull=True)
        elif worker:
            shown = episodes.filter(allocated_to_id=worker)
    page = selectors.caseload(user=request.user, episodes=shown, reason="Team's cases", today=timezone.localdate(),
                              due=due, page=request.GET.get("page"))
    return render(request, "casework/team_cases.html", {
        "page": page, "form": form, "today": timezone.localdate(), "page_title": "Team's cases",
        "counts": selectors.caseload_counts(episodes=episodes)})


@login_required
@role_required(CHAIR)
def conferences(request):
    episodes = selectors.episodes_visible_to(user=request.user)
    page = selectors.caseload(user=request.user, episodes=episodes, reason="Conferences to chair",
                              today=timezone.localdate(), page=request.GET.get("page"))
    return render(request, "casework/conferences.html", {"page": page, "today": timezone.localdate(),
                                                          "page_title": "Conferences"})


def _child_protection(request, episode) -> dict:
    """The enquiries, conferences, plans and reviews on the episode page, and who may record them."""
    plans = list(episode.child_protection_plans.prefetch_related("reviews", "core_groups", "visits")
                 .order_by("started_on"))
    return {
        "enquiries": list(episode.section_47_enquiries.select_related("completed_by")),
        "initial_conferences": list(episode.initial_conferences.select_related("chair")),
        "plans": [(plan, list(plan.reviews.select_related("chair").order_by("due_on")), selectors.plan_due(plan))
                  for plan in plans],
        "may_record_enquiry": selectors.may_record(user=request.user, episode=episode, step=selectors.WORKER_STEP),
        "may_record_conference": selectors.may_record(user=request.user, episode=episode,
                                                      step=selectors.CONFERENCE_STEP),
    }


def _child_in_need(episode) -> dict:
    """The episode's child in need plans, whether one may start (the service says why not), and the
    early help its family was offered on stepping down."""
    plans = list(episode.cin_plans.prefetch_related("reviews"))
    return {"cin_plans": plans, "early_help_offers": list(episode.early_help_offers.all()),
            "may_start_cin_plan": all(p.ended_on for p in plans) and selectors.cin_plan_route(episode)}


def episode_page(request, episode, *, status=200, **forms):
    today = timezone.localdate()
    assessments = list(episode.assessments.all())
    open_assessment = next((a for a in assessments if a.authorised_on is None), None)
    discussions = list(episode.strategy_discussions.all())
    open_discussion = next((d for d in discussions if d.held_at is None), None)
    context = {
        "episode": episode, "due": selectors.episode_due(episode), "today": today,
        "allocations": episode.allocations.select_related("worker", "allocated_by"),
        "assessments": assessments, "open_assessment": open_assessment,
        "discussions": discussions, "open_discussion": open_discussion,
        "is_team_manager": request.user.membership.role == TEAM_MANAGER,
        "is_chair": request.user.membership.role == CHAIR,
        "allocate_form": forms.get("allocate_form") or AllocateForm(initial={"version": episode.version},
                                                                    team=episode.team),
        "assessment_form": forms.get("assessment_form") or (
            open_assessment and AssessmentForm(initial={"version": open_assessment.version})),
        "discussion_form": forms.get("discussion_form") or (
            open_discussion and StrategyDiscussionForm(initial={"version": open_discussion.version})),
        "errors": forms.get("errors", []),
        "page_title": f"Child's episode: {episode.child_name}",
        **_child_protection(request, episode),
        **_child_in_need(episode),
    }
    return render(request, "casework/episode.html", context, status=status)


def _episode(request, episode_id, reason):
    return selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=reason)


def _open_step(steps):
    """The step still to be done (an unauthorised assessment, a discussion not yet held), or not found."""
    step = steps.first()
    if step is None:
        raise Http404
    return step


@login_required
@role_required(*CASEWORK, CHAIR)
def episode_detail(request, episode_id):
    return episode_page(request, _episode(request, episode_id, "Opened the child's episode"))


@login_required
@role_required(TEAM_MANAGER)
@require_POST
def episode_allocate(request, episode_id):
    episode = _episode(request, episode_id, "Allocating the child's episode")
    form = AllocateForm(request.POST, team=episode.team)
    if form.is_valid():
        try:
            services.episode_allocate(manager=request.user, episode=episode, worker=form.cleaned_data["worker"],
                                      version=form.cleaned_data["version"])
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{episode.child_name} allocated to {form.cleaned_data['worker'].get_full_name()}")
            return redirect("casework:episode", episode_id=episode.pk)
    return episode_page(request, episode, allocate_form=form, status=400)


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
@require_POST
def assessment_submit(request, episode_id):
    episode = _episode(request, episode_id, "Completing the assessment")
    assessment = _open_step(episode.assessments.filter(authorised_on__isnull=True))
    form = AssessmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_submit(user=request.user, assessment=assessment, version=data["version"],
                                       analysis=data["analysis"], factors=data["factors"], outcome=data["outcome"])
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Assessment sent to the team manager to authorise")
            return redirect("casework:episode", episode_id=episode.pk)
    return episode_page(request, episode, assessment_form=form, status=400)


@login_required
@role_required(TEAM_MANAGER)
@require_POST
def assessment_authorise(request, episode_id):
    episode = _episode(request, episode_id, "Authorising the assessment")
    assessment = _open_step(episode.assessments.filter(authorised_on__isnull=True))
    version = request.POST.get("version", "")
    try:
        if not version.isdigit():
            raise CaseworkError("The page was out of date. Reload it and try again.")
        services.assessment_authorise(manager=request.user, assessment=assessment, version=int(version))
    except CaseworkError as error:
        return episode_page(request, episode, errors=[str(error)], status=400)
    messages.success(request, "Assessment authorised")
    return redirect("casework:episode", episode_id=episode.pk)


@login_required
@role_required(*CASEWORK)
@require_POST
def strategy_discussion_record(request, episode_id):
    episode = _episode(request, episode_id, "Recording the strategy discussion")
    discussion = _open_step(episode.strategy_discussions.filter(held_at__isnull=True))
    form = StrategyDiscussionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.strategy_discussion_record(
                user=request.user, discussion=discussion, version=data["version"], held_at=data["held_at"],
                participants=form.participants(), decision=data["decision"], outcome=data["outcome"])
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Strategy discussion recorded")
            return redirect("casework:episode", episode_id=episode.pk)
    return episode_page(request, episode, discussion_form=form, status=400)


@dataclass(frozen=True)
class Step:
    """A child protection step's record page: who records it, its form, and the service it calls."""
    title: str
    kind: str  # which of the episode's records (selectors.episode_step)
    who: str  # selectors.WORKER_STEP or selectors.CONFERENCE_STEP
    done: Callable  # record -> bool
    form: type[StepForm]
    service: Callable
    argument: str  # the service's keyword for the record
    facts: Callable  # record -> [(label, value)]
    success: str


def _date(day) -> str:
    return f"{day:%A %-d %B %Y}"


SECTION_47 = Step(
    title="Record the section 47 enquiry", kind="section_47", who=selectors.WORKER_STEP,
    done=lambda e: e.completed_on is not None,
    form=Section47Form, service=services.section_47_record, argument="enquiry",
    facts=lambda e: [("Started (strategy discussion)", _date(e.started_on)),
                     ("Joint with the police", "Yes" if e.joint_with_police else "No"),
                     ("Initial conference due, if needed", _date(e.initial_conference_target))],
    success="Section 47 enquiry recorded")
EMERGENCY_PROTECTION = Step(
    title="Record emergency protection", kind="section_47", who=selectors.WORKER_STEP,
    done=lambda e: False,  # recorded again, it corrects the record
    form=EmergencyProtectionForm, service=services.section_47_emergency_protection_record, argument="enquiry",
    facts=lambda e: [("Section 47 enquiry started", _date(e.started_on))],
    success="Emergency protection recorded")
INITIAL_CONFERENCE = Step(
    title="Record the initial child protection conference", kind="initial_conference", who=selectors.CONFERENCE_STEP,
    done=lambda c: c.held_on is not None, form=InitialConferenceForm, service=services.initial_conference_record,
    argument="conference",
    facts=lambda c: [("Due by", _date(c.due_on))] + (
        [("Section 47 enquiry completed", _date(c.section_47.completed_on))] if c.section_47 else []),
    success="Initial child protection conference recorded")
REVIEW_CONFERENCE = Step(
    title="Record the review child protection conference", kind="review_conference", who=selectors.CONFERENCE_STEP,
    done=lambda r: r.held_on is not None, form=ReviewConferenceForm, service=services.review_conference_record,
    argument="review",
    facts=lambda r: [("Due by", _date(r.due_on)),
                     ("Child protection plan", f"{r.plan.get_latest_category_display()} since "
                                               f"{r.plan.started_on:%-d %B %Y}")],
    success="Review conference recorded")


def _record_page(request, *, title: str, form_class, record, call: Callable, back: str, back_text: str,
                 caption: str, facts: list, success: str):
    """A record page: the facts it is about, its form (with the version it showed) and an error
    summary; a valid form calls the service and goes back where it came from."""
    form = form_class(request.POST if request.method == "POST" else None, record=record, user=request.user)
    if form.is_bound and form.is_valid():
        try:
            call(form.cleaned_data)
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(back)
    return render(request, "casework/step_record.html", {
        "title": title, "back_url": back, "back_text": back_text, "caption": caption, "facts": facts, "form": form,
        "today": timezone.localdate(), "page_title": f"{title}: {caption}",
    }, status=400 if form.is_bound else 200)


def _episode_back(episode) -> dict:
    name = episode.child_name or "Child not yet identified"
    return {"back": reverse("casework:episode", args=[episode.pk]), "caption": name,
            "back_text": f"Back to {episode.child_name or 'the child'}'s episode"}


def _step_page(request, episode_id, step_id, step: Step):
    episode = selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=step.title,
                                        recording=step.who)
    record = selectors.episode_step(episode=episode, kind=step.kind, step_id=step_id)
    if request.method != "POST" and step.done(record):
        return redirect("casework:episode", episode_id=episode.pk)
    return _record_page(
        request, title=step.title, form_class=step.form, record=record, facts=step.facts(record),
        success=step.success, **_episode_back(episode),
        call=lambda data: step.service(user=request.user, **{step.argument: record}, **data))


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
def section_47_record(request, episode_id, step_id):
    return _step_page(request, episode_id, step_id, SECTION_47)


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
def emergency_protection_record(request, episode_id, step_id):
    return _step_page(request, episode_id, step_id, EMERGENCY_PROTECTION)


@login_required
@role_required(TEAM_MANAGER, CHAIR)
def initial_conference_record(request, episode_id, step_id):
    return _step_page(request, episode_id, step_id, INITIAL_CONFERENCE)


@login_required
@role_required(TEAM_MANAGER, CHAIR)
def review_conference_record(request, episode_id, step_id):
    return _step_page(request, episode_id, step_id, REVIEW_CONFERENCE)


@dataclass(frozen=True)
class Action:
    """A record page for a child in need plan, an episode's closure or an early help step."""
    title: str
    form: type[StepForm]
    service: Callable
    argument: str  # the service's keyword for the record
    success: str
    actor: str = "user"  # the service's keyword for who acts


def _act(request, action: Action, record, **page):
    return _record_page(
        request, title=action.title, form_class=action.form, record=record, success=action.success,
        call=lambda data: action.service(**{action.actor: request.user, action.argument: record}, **data), **page)


def _episode_facts(episode) -> list:
    return [("Referred", _date(episode.referral_date)), ("Team", str(episode.team or "No team yet")),
            ("Social worker", episode.allocated_to.get_full_name() if episode.allocated_to else "Not allocated")]


def _plan_facts(plan) -> list:
    return [("Plan started", _date(plan.started_on)), ("Reviewed every", f"{plan.review_months} months"),
            ("Next review due", _date(selectors.cin_plan_next_review(plan)))]


CIN_PLAN_START = Action("Start a child in need plan", CINPlanStartForm, services.cin_plan_start, "episode",
                        "Child in need plan started", actor="manager")
EPISODE_CLOSE = Action("Close the episode", EpisodeCloseForm, services.episode_close, "episode", "Episode closed",
                       actor="manager")
CIN_PLAN_REVIEW = Action("Record a child in need plan review", CINPlanReviewForm, services.cin_plan_review_record,
                         "plan", "Child in need plan review recorded")
CIN_PLAN_END = Action("End the child in need plan", CINPlanEndForm, services.cin_plan_end, "plan",
                      "Child in need plan ended", actor="manager")


def _episode_action(request, episode_id, action: Action):
    episode = selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=action.title,
                                        recording=selectors.WORKER_STEP)
    if episode.closed_on:
        return redirect("casework:episode", episode_id=episode.pk)
    return _act(request, action, episode, facts=_episode_facts(episode), **_episode_back(episode))


def _plan_action(request, episode_id, plan_id, action: Action):
    episode = selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=action.title,
                                        recording=selectors.WORKER_STEP)
    plan = selectors.episode_step(episode=episode, kind="cin_plan", step_id=plan_id)
    if plan.ended_on:
        return redirect("casework:episode", episode_id=episode.pk)
    return _act(request, action, plan, facts=_plan_facts(plan), **_episode_back(episode))


@login_required
@role_required(TEAM_MANAGER)
def cin_plan_start(request, episode_id):
    return _episode_action(request, episode_id, CIN_PLAN_START)


@login_required
@role_required(TEAM_MANAGER)
def episode_close(request, episode_id):
    return _episode_action(request, episode_id, EPISODE_CLOSE)


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
def cin_plan_review(request, episode_id, plan_id):
    return _plan_action(request, episode_id, plan_id, CIN_PLAN_REVIEW)


@login_required
@role_required(TEAM_MANAGER)
def cin_plan_end(request, episode_id, plan_id):
    return _plan_action(request, episode_id, plan_id, CIN_PLAN_END)


def _cp_plan(request, episode_id, plan_id, reason: str, recording: str | None = None):
    episode = selectors.episode_get_for(user=request.user, episode_id=episode_id, reason=reason, recording=recording)
    return episode, selectors.episode_step(episode=episode, kind="cp_plan", step_id=plan_id)


@login_required
@role_required(*CASEWORK, CHAIR)
def cp_plan(request, episode_id, plan_id):
    """The plan's contents, its actions, core groups and statutory visits, with the clocks on each."""
    episode, plan = _cp_plan(request, episode_id, plan_id, "Opened the child protection plan")
    return render(request, "casework/cp_plan.html", {
        "episode": episode, "plan": plan, "due": selectors.plan_due(plan), "today": timezone.localdate(),
        "first_core_group_due": first_core_group_due(plan.started_on),
        "actions": plan.actions.all(), "core_groups": plan.core_groups.all(),
        "visits": plan.visits.select_related("visited_by"),
        "may_record": plan.is_open and not episode.closed_on and selectors.may_record(
            user=request.user, episode=episode, step=selectors.WORKER_STEP),
        "page_title": f"Child protection plan: {episode.child_name}"})


CP_PLAN_ACTIONS = {
    "contents": Action("Change the plan", PlanContentsForm, services.plan_contents_update, "plan",
                       "Child protection plan updated"),
    "action": Action("Add an action", PlanActionForm, services.plan_action_add, "plan", "Action added"),
    "core-group": Action("Record a core group meeting", CoreGroupForm, services.core_group_record, "plan",
                         "Core group meeting recorded"),
    "visit": Action("Record a statutory visit", VisitForm, services.visit_record, "plan", "Visit recorded"),
}


@login_required
@role_required(SOCIAL_WORKER, TEAM_MANAGER)
def cp_plan_record(request, episode_id, plan_id, action):
    if action not in CP_PLAN_ACTIONS:
        raise Http404
    step = CP_PLAN_ACTIONS[action]
    episode, plan = _cp_plan(request, episode_id, plan_id, step.title, recording=selectors.WORKER_STEP)
    back = reverse("casework:cp_plan", args=[episode.pk, plan.pk])
    if not plan.is_open or episode.closed_on:
        return redirect(back)
    facts = [("Category", plan.get_latest_category_display()), ("Plan started", _date(plan.started_on))]
    return _act(request, step, plan, facts=facts, back=back, back_text="Back to the child protection plan",
                caption=episode.child_name or "Child not yet identified")


EARLY_HELP_LEAD = Membership.Role.EARLY_HELP_LEAD
EARLY_HELP_VIEWERS = (EARLY_HELP_LEAD, Membership.Role.PRACTITIONER, Membership.Role.MANAGER)


@login_required
@role_required(EARLY_HELP_LEAD)
def my_families(request):
    today = timezone.localdate()
    return render(request, "casework/my_families.html", {
        "rows": selectors.early_help_families(user=request.user, today=today), "eha_days": EHA_DUE_WORKING_DAYS,
        "waiting": selectors.early_help_offers_waiting(user=request.user, today=today),
        "today": today, "page_title": "My early help families"})


@login_required
@role_required(*EARLY_HELP_VIEWERS)
def early_help_offer(request, offer_id):
    offer = selectors.early_help_offer_get_for(user=request.user, offer_id=offer_id, reason="Opened early help")
    return render(request, "casework/early_help_offer.html", {
        "offer": offer, "due": selectors.early_help_due(offer), "today": timezone.localdate(),
        "meetings": offer.tac_meetings.all(), "may_record": request.user.membership.role == EARLY_HELP_LEAD,
        "page_title": f"Early help: {offer.child_name}"})


OFFER_RESPOND = Action("Record the family's answer", OfferResponseForm, services.early_help_offer_respond, "offer",
                       "The family's answer is recorded")
OFFER_ASSESSMENT = Action("Record the early help assessment", EarlyHelpAssessmentForm,
                          services.early_help_assessment_record, "offer", "Early help assessment recorded")
OFFER_TAC = Action("Record a team around the child meeting", TACMeetingForm, services.tac_meeting_record, "offer",
                   "Team around the child meeting recorded")
OFFER_CLOSE = Action("Close early help", EarlyHelpCloseForm, services.early_help_close, "offer",
                     "Early help closed")
OFFER_ACTIONS = {"respond": OFFER_RESPOND, "assessment": OFFER_ASSESSMENT, "tac-meeting": OFFER_TAC,
                 "close": OFFER_CLOSE}


@login_required
@role_required(EARLY_HELP_LEAD)
def early_help_record(request, offer_id, action):
    if action not in OFFER_ACTIONS:
        raise Http404
    step = OFFER_ACTIONS[action]
    offer = selectors.early_help_offer_get_for(user=request.user, offer_id=offer_id, reason=step.title)
    back = reverse("casework:early_help_offer", args=[offer.pk])
    if not offer.is_open:
        return redirect(back)
    facts = [("Offered", _date(offer.offered_on)), ("Status", offer.get_status_display()),
             ("Lead professional", offer.lead_professional.get_full_name() if offer.lead_professional else "None yet")]
    return _act(request, step, offer, facts=facts, back=back, back_text=f"Back to early help for {offer.child_name}",
                caption=offer.child_name or "Child not yet identified")
