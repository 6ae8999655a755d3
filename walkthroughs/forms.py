from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report, Surface


class ReportForm(forms.ModelForm):
    """'My screen looks different': what a visitor sees instead of our steps."""

    # Left empty by people; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

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

    def __init__(self, *args, platform: str, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        names = {"platform": platform}
        self.fields["surface"].label = _("Where you use %(platform)s") % names
        self.fields["interface_language"].label = (
            _("Language of %(platform)s's menus (optional)") % names
        )
        self.fields["surface"].choices = Surface.choices
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
