"""A record's page with one form per step (a visit, an assessment, an outcome): each form has its own
prefix so that labels point at their own fields, and the step posted runs through its service with
the page's version, so that a stale page is told rather than overwriting."""
from dataclasses import dataclass

from django.contrib import messages


@dataclass
class StepsPosted:
    forms: dict
    errors: list[str]
    step: str | None
    done: bool

    @property
    def error_form(self):
        return self.forms.get(self.step)


def record_steps_handle(request, *, steps: dict, error_class: type[Exception], **record) -> StepsPosted:
    """`steps` maps a step's name to (form class, service, success message); `record` is the one
    keyword the services take the record by (referral=..., arrangement=...)."""
    [target] = record.values()
    step = request.POST.get("step") if request.method == "POST" else None
    forms = {name: form_class(prefix=name, initial={"version": target.version})
             for name, (form_class, _, _) in steps.items()}
    errors = []
    if step in steps:
        form_class, service, done_message = steps[step]
        form = forms[step] = form_class(request.POST, prefix=step)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                service(user=request.user, version=form.cleaned_data["version"], **record, **fields)
            except error_class as error:
                errors.append(str(error))
            else:
                messages.success(request, done_message)
                return StepsPosted(forms, errors, step, done=True)
    return StepsPosted(forms, errors, step, done=False)
