from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report, Surface


class ReportForm(forms.ModelForm):
    """'My screen looks different': what a visitor sees instead of our steps."""

    # Left empty by people; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    # The step the visitor chose on the checklist ("Can't find a step? Tell us which").
    step_number = forms.IntegerField(
        required=False, min_value=1, max_value=99, widget=forms.HiddenInput
    )

    class Meta:
        model = Report
        fields = ["surface", "what_they_see", "app_version", "interface_language"]
        labels = {
            "what_they_see": _("What do you see instead?"),
            "app_version": _("App version (optional)"),
        }
        help_texts = {
            "what_they_see": _(
                "For example: 'There is no Data privacy entry; I see Privacy instead.' Please "
                "leave out your name and anything else about you."
            ),
            "app_version": _("In the app: Settings, then scroll to the bottom."),
        }
        widgets = {
            "what_they_see": forms.Textarea(attrs={"rows": 4}),
            "app_version": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, platform: str, action=None, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.action = action
        names = {"platform": platform}
        self.fields["surface"].label = _("Where you use %(platform)s") % names
        self.fields["interface_language"].label = (
            _("Language of %(platform)s's menus (optional)") % names
        )
        self.fields["surface"].choices = Surface.choices
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean(self) -> dict:
        data = super().clean()
        number, surface = data.get("step_number"), data.get("surface")
        if number and surface and self.action is not None:
            self.instance.step = self.action.steps.filter(surface=surface, position=number).first()
            if self.instance.step is None:
                self.add_error(
                    "surface",
                    _("This item has no step %(number)s on that device. Choose the device "
                      "you use, or go back to the checklist.") % {"number": number},
                )  # fmt: skip
            else:
                self.instance.step_text = self.instance.step.text
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
