"""The fact check of 1 December 2026 (docs/facts.md tells what was read and what changed).

LinkedIn's legal texts were re-read in Open Terms Archive's version history, whose record
then ended on 22 August 2026. What LinkedIn's own text now says is upgraded to confirmed;
every source gets its canonical address, or the reason it has none, and an archived copy
where that helps; each fact is said once per item. Content dates become the days the
content says: 29 November 2026 for the seed content, 1 December 2026 for what changed here.
"""

import datetime

from django.db import migrations

from ._content import stamp, translate

SEEDED = datetime.date(2026, 11, 29)
CHECKED = datetime.date(2026, 12, 1)
HELP = "https://www.linkedin.com/help/linkedin/answer/"
ARCHIVE = "https://github.com/OpenTermsArchive/"

# title today: new values
SOURCE_UPDATES = {
    "LinkedIn European Regional Privacy Notice, effective 3 November 2025": {
        "title": "LinkedIn European Regional Privacy Notice, in force since 3 November 2025 "
        "(version of 21 August 2026)",
        "url": "https://www.linkedin.com/legal/privacy/eu",
        "archive_url": ARCHIVE + "vlopses-ie-versions/blob/"
        "1b38be45ded13b440582b63b69badd26a1f18514/LinkedIn/Privacy%20Policy.md",
        "published_on": datetime.date(2026, 8, 21),
    },
    "LinkedIn Privacy Policy, effective 3 November 2025": {
        "url": "https://www.linkedin.com/legal/privacy-policy",
    },
    "LinkedIn US State Privacy Notice and California notice": {
        "title": "LinkedIn California Privacy Disclosure and US State Privacy Notice, "
        "23 February 2026",
        "url": "https://www.linkedin.com/legal/california-privacy-disclosure",
        "archive_url": ARCHIVE
        + "vlopses-us-versions/commit/d290d7ce314c2a22d442b1ba00fc01b3fb9a8ef4",
    },
    "ICO statement on LinkedIn and AI training, 20 September 2024": {
        "title": "ICO statement on changes to LinkedIn's AI data policy, 20 September 2024, "
        "updated 23 September 2025",
        "url": "https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/"
        "our-statement-on-changes-to-linkedin-ai-data-policy",
    },
    "PCPD statement on LinkedIn, 15 October 2024": {
        "url": "https://pcpd.org.hk/english/news_events/media_statements/press_20241015.html",
    },
    "OPC news release on LinkedIn, 10 December 2024": {
        "url": "https://priv.gc.ca/en/opc-news/news-and-announcements/2024/nr-c_241210b",
    },
    "Irish DPC statement on LinkedIn's AI training, 7 November 2025": {
        "no_url_reason": "Known from press reports of November 2025 (Irish Legal News, "
        "Pinsent Masons); the DPC's own page is not linked until we have checked its address.",
    },
    "Dutch AP warning on LinkedIn's AI training, 24 September 2025": {
        "no_url_reason": "Known from press reports of September 2025; the AP's own page is not "
        "linked until we have checked its address.",
    },
    "Italian Garante notice on LinkedIn's AI training, 29 October 2025": {
        "no_url_reason": "Known from press reports of October 2025; the Garante's own page is "
        "not linked until we have checked its address.",
    },
}
# The ICO updated its 2024 statement rather than publishing a second page.
MERGED_INTO_ICO = "ICO statement on LinkedIn's new terms, 23 September 2025"

# key: title, publisher, url, archive, no-url reason, date
NEW_SOURCES = {
    "genai-faq": (
        "LinkedIn Help a5538339: generative AI at LinkedIn, questions and answers",
        "LinkedIn",
        HELP + "a5538339",
        "",
        "",
        None,
    ),
    "advertisers": (
        "LinkedIn Help a7153780: data from advertisers for ads",
        "LinkedIn",
        HELP + "a7153780",
        "",
        "",
        None,
    ),
    "policy-canada": (
        "LinkedIn Privacy Policy as served in Canada (recorded 20 February 2026)",
        "LinkedIn",
        "https://www.linkedin.com/legal/privacy-policy",
        ARCHIVE + "vlopses-ca-versions/blob/2496d550c1029a81b37c87ff4703c99f575f6eba/"
        "LinkedIn/Privacy%20Policy.md",
        "",
        datetime.date(2026, 2, 20),
    ),
    "kaspersky": (
        "Kaspersky Privacy Checker: LinkedIn's settings on Android",
        "Kaspersky",
        "https://privacy.kaspersky.com/articles/linkedin-android-medium/",
        "",
        "",
        None,
    ),
    "barclays": (
        "Barclays Digital Wings: guide to LinkedIn's privacy settings",
        "Barclays",
        "",
        "",
        "An undated guide; we have not recorded a stable address for it.",
        None,
    ),
    "stellarsand": (
        "StellarSand privacy-settings: LinkedIn (2024)",
        "StellarSand/privacy-settings on GitHub",
        "https://github.com/StellarSand/privacy-settings/blob/"
        "02d9d126ba7d833fa9ff503a278e49d4b35dc4bd/Privacy%20Settings/LinkedIn.md",
        "",
        "",
        None,
    ),
}
CITED_BY = {
    "ai-training": ["genai-faq", "kaspersky", "barclays"],
    "ad-sharing": ["policy-canada", "kaspersky", "barclays"],
    "data-from-others-for-ads": ["advertisers"],
    "job-application-data": ["stellarsand"],
}

AD_PRIOR = (
    "Switching off stops further sharing. It does not call back what Microsoft already has: "
    "you manage that in your Microsoft account's privacy settings."
)
# policy change, rollout name: field values
ROLLOUT_UPDATES = {
    ("ai-training", "Most countries, September 2024"): {
        "prior_data": "LinkedIn has trained AI on member data here since 18 September 2024. "
        "Switching off stops it using your data from then on; what it used before stays in "
        "models already trained.",
    },
    ("ai-training", "United Kingdom, November 2025"): {
        "note": "In the UK, LinkedIn's privacy notice also lets it share your posts, comments, "
        "articles, collaborative articles and videos, LinkedIn Learning videos and their "
        "transcripts, Company Page data and job postings with Microsoft, so that Microsoft "
        "can train its own AI. The same setting switches this off too.",
    },
    ("ad-sharing", "United States, November 2025"): {"prior_data": AD_PRIOR},
    ("ad-sharing", "Most other countries, November 2025"): {"prior_data": AD_PRIOR},
    ("ad-sharing", "Canada and Hong Kong, November 2025"): {
        "prior_data": AD_PRIOR,
        "checking_note": "LinkedIn's privacy policy as served in Canada lets it share your "
        "data with Microsoft for advertising, subject only to its European notice, with no "
        "exception for Canada; so we list this item here. No source says so of this setting "
        "directly, and we have not yet seen it on a Canadian or Hong Kong account.",
    },
}

CHANGE_SUMMARY = {
    "ai-training": (
        "LinkedIn uses members' profiles, posts, articles, comments and activity to train AI "
        "models that generate content, for itself and its affiliates (the models may be "
        "Microsoft's Azure OpenAI ones). It began outside Europe on 18 September 2024 and, "
        "after regulators intervened, reached the EU, EEA, Switzerland, the UK, Canada and "
        "Hong Kong on 3 November 2025. Private messages, login and payment data, salary data "
        "and data of members LinkedIn believes are under 18 are not used. The Irish regulator "
        "asked LinkedIn to report back within five months of the start; nothing about that "
        "report has been published since."
    ),
}

# action slug: field values
ACTION_UPDATES = {
    "ai-training": {
        "still_used": "Switching off does not switch off LinkedIn's AI features: what you type "
        "into them is still processed to answer you, and feedback you give on AI answers may "
        "still be used (one source).",
    },
    "ad-sharing": {
        "still_used": "Microsoft will still show you ads, but not ones personalised with your "
        "LinkedIn data.",
    },
    "data-from-others-for-ads": {
        "checking_note": "LinkedIn's help also speaks of 'Data from advertisers for ads'. It "
        "may be a newer name for this setting, or a second setting; we are checking.",
    },
    "job-application-data": {
        "setting_label_confidence": "confirmed",
        "checking_note": "Two guides from 2024 describe this setting; we have not yet seen it "
        "on a current account.",
    },
}

# action slug, warning kind: new text, or None to remove a warning that repeats a fact
# the item already states (the default, or what becomes of earlier data).
WARNING_UPDATES = {
    ("ai-training", "on-by-default"): "If you switched it off in 2024, your choice still holds.",
    ("ai-training", "not-retroactive"): None,
    ("ad-sharing", "on-by-default"): None,
    ("ad-sharing", "not-retroactive"): None,
}
NEW_WARNINGS = {
    "ad-sharing": (
        "other",
        "LinkedIn's help says that if you once switched off Ads outside of LinkedIn, this "
        "setting is already off for you. Check that it shows Off.",
    ),
}

# step text today: new text, label, confidence (None keeps what the step has)
STEP_UPDATES = {
    "Tap Settings. (On the website this entry reads Settings & Privacy; the apps are "
    "reported to say Settings.)": ("Tap Settings.", None, "confirmed"),
    "Scroll to the last group, about data from outside LinkedIn. It may be titled Off "
    "platform data.": (
        "Scroll to the last group, about data from outside LinkedIn. It may be titled Off "
        "platform data or Third-party data.",
        None,
        None,
    ),
}
# The job application settings: the switch inside is now known by its name.
JOB_FINISH = (
    "Switch off Save resumes and application data, and confirm when LinkedIn asks whether "
    "to delete what it saved.",
    "Save resumes and application data",
    "single",
)

CHANGE_NOTES = {
    "ai-training": "Fact check: every source has its own address; LinkedIn's generative AI "
    "FAQ added; the apps' Settings entry confirmed; the UK list of data shared with "
    "Microsoft completed.",
    "ad-sharing": "Fact check: the Canada and Hong Kong note now cites LinkedIn's policy as "
    "served in Canada; new note for members who switched off Ads outside of LinkedIn.",
    "data-from-others-for-ads": "LinkedIn's help also names a setting 'Data from advertisers "
    "for ads'; we are checking whether it is this one.",
    "job-application-data": "The switch to turn off is named: Save resumes and application data.",
}


def load(apps, schema_editor):
    Platform = apps.get_model("walkthroughs", "Platform")
    Source = apps.get_model("walkthroughs", "Source")
    PolicyChange = apps.get_model("walkthroughs", "PolicyChange")
    Rollout = apps.get_model("walkthroughs", "Rollout")
    Action = apps.get_model("walkthroughs", "Action")
    Step = apps.get_model("walkthroughs", "Step")
    ActionWarning = apps.get_model("walkthroughs", "ActionWarning")
    ChangeNote = apps.get_model("walkthroughs", "ChangeNote")
    PlaceNote = apps.get_model("walkthroughs", "PlaceNote")

    linkedin = Platform.objects.filter(slug="linkedin").first()
    if linkedin is None:
        return
    actions = {a.slug: a for a in Action.objects.filter(platform=linkedin, draft_of=None)}
    changed: set[int] = set()

    for title, values in SOURCE_UPDATES.items():
        Source.objects.filter(title=title).update(**values)
    ico = Source.objects.filter(url__contains="ico.org.uk").first()
    for old in Source.objects.filter(title=MERGED_INTO_ICO):
        for action in old.actions.all():
            action.sources.add(ico)
        for change in old.policy_changes.all():
            change.sources.add(ico)
        old.delete()
    sources = {}
    for key, (title, publisher, url, archive, reason, on) in NEW_SOURCES.items():
        sources[key], _ = Source.objects.get_or_create(
            title=title,
            defaults={
                "publisher": publisher,
                "url": url,
                "archive_url": archive,
                "no_url_reason": reason,
                "published_on": on,
            },
        )
    for slug, keys in CITED_BY.items():
        if slug in actions:
            actions[slug].sources.add(*(sources[key] for key in keys))

    for slug, summary in CHANGE_SUMMARY.items():
        for change in PolicyChange.objects.filter(platform=linkedin, slug=slug):
            change.summary = summary
            translate(change, ["summary"])
            change.save()

    for (change, name), values in ROLLOUT_UPDATES.items():
        for rollout in Rollout.objects.filter(
            policy_change__platform=linkedin, policy_change__slug=change, name=name
        ):
            for field, value in values.items():
                setattr(rollout, field, value)
            translate(rollout, list(values))
            rollout.save()
            changed.update(
                a.pk for a in actions.values() if a.policy_change_id == rollout.policy_change_id
            )

    for slug, values in ACTION_UPDATES.items():
        action = actions.get(slug)
        if action is None:
            continue
        for field, value in values.items():
            setattr(action, field, value)
        translate(action, [f for f in values if f != "setting_label_confidence"])
        action.save()
        changed.add(action.pk)

    for (slug, kind), text in WARNING_UPDATES.items():
        warnings = ActionWarning.objects.filter(action__in=actions.values(), kind=kind)
        warnings = warnings.filter(action__slug=slug)
        for warning in warnings:
            changed.add(warning.action_id)
            if text is None:
                warning.delete()
            else:
                warning.text = text
                translate(warning, ["text"])
                warning.save()
    for slug, (kind, text) in NEW_WARNINGS.items():
        action = actions.get(slug)
        if action is None:
            continue
        last = action.warnings.order_by("-position").values_list("position", flat=True).first()
        warning = ActionWarning(action=action, kind=kind, text=text, position=(last or 0) + 1)
        translate(warning, ["text"])
        warning.save()
        changed.add(action.pk)

    steps = Step.objects.filter(action__in=actions.values())
    for old, (text, label, confidence) in STEP_UPDATES.items():
        for step in steps.filter(text=old):
            step.text = text
            if label is not None:
                step.ui_label = label
            if confidence is not None:
                step.confidence = confidence
            translate(step, ["text"])
            step.save()
            changed.add(step.action_id)
    job = actions.get("job-application-data")
    if job is not None:
        for surface in ("web", "ios", "android"):
            surface_steps = list(job.steps.filter(surface=surface).order_by("position"))
            if len(surface_steps) < 2 or surface_steps[-1].text != "Switch it off.":
                continue
            # "Open Job application settings." stays; "Switch it off." names the switch.
            last = surface_steps[-1]
            last.text, last.ui_label, last.confidence = JOB_FINISH
            translate(last, ["text"])
            last.save()
        changed.add(job.pk)

    for slug, note in CHANGE_NOTES.items():
        action = actions.get(slug)
        if action is not None:
            ChangeNote.objects.create(
                action=action, item_title=action.title, note=note, changed_on=CHECKED
            )

    Action.objects.filter(pk__in=[a.pk for a in actions.values()]).update(
        sources_checked_on=CHECKED
    )

    # Content dates: what the content says, never the day this ran.
    for model in (Action, Step, PolicyChange, Rollout, PlaceNote):
        stamp(apps, model.objects.all(), SEEDED)
    stamp(apps, Action.objects.filter(pk__in=changed), CHECKED)
    stamp(apps, PlaceNote.objects.filter(kind="treatment"), CHECKED)
    stamp(apps, Step.objects.filter(action__in=changed), CHECKED)
    stamp(apps, PolicyChange.objects.filter(slug__in=CHANGE_SUMMARY), CHECKED)
    stamp(apps, Rollout.objects.filter(name__in=[n for _, n in ROLLOUT_UPDATES]), CHECKED)


class Migration(migrations.Migration):
    dependencies = [("walkthroughs", "0011_place_notes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
