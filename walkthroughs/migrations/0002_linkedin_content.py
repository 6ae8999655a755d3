"""LinkedIn's 2024-2025 data-use changes and the checklist items that answer them.

Facts come from the project's research (docs/facts.md), each with its
confidence; the sentences are our own. Nobody has yet followed these steps on a
live account for the site, so ``last_verified_on`` stays empty and
``sources_checked_on`` records when the sources were read.
"""

import datetime

from django.db import migrations

CHECKED = datetime.date(2026, 8, 21)
HELP = "https://www.linkedin.com/help/linkedin/answer/"

SOURCES = {
    "help-ai": (
        "LinkedIn Help a6278444: the generative AI data setting",
        "LinkedIn",
        HELP + "a6278444",
        None,
    ),
    "help-update": (
        "LinkedIn Help a8059228: Update to our Terms and data use",
        "LinkedIn",
        HELP + "a8059228",
        datetime.date(2025, 9, 17),
    ),
    "help-sharing": (
        "LinkedIn Help a1397243: data sharing with Microsoft and partners",
        "LinkedIn",
        HELP + "a1397243",
        None,
    ),
    "help-ads-off": (
        "LinkedIn Help a7157083: Ads off LinkedIn",
        "LinkedIn",
        HELP + "a7157083",
        None,
    ),
    "help-research": (
        "LinkedIn Help a6882244: social, economic and workplace research",
        "LinkedIn",
        HELP + "a6882244",
        None,
    ),
    "erpn": (
        "LinkedIn European Regional Privacy Notice, effective 3 November 2025",
        "LinkedIn",
        "",
        datetime.date(2025, 11, 3),
    ),
    "privacy-policy": (
        "LinkedIn Privacy Policy, effective 3 November 2025",
        "LinkedIn",
        "",
        datetime.date(2025, 11, 3),
    ),
    "us-notice": (
        "LinkedIn US State Privacy Notice and California notice",
        "LinkedIn",
        "",
        datetime.date(2026, 2, 23),
    ),
    "objection-form": (
        "LinkedIn Data Processing Objection Form (TS-DPRO)",
        "LinkedIn",
        "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
        None,
    ),
    "ico-2024": (
        "ICO statement on LinkedIn and AI training, 20 September 2024",
        "UK Information Commissioner's Office",
        "",
        datetime.date(2024, 9, 20),
    ),
    "ico-2025": (
        "ICO statement on LinkedIn's new terms, 23 September 2025",
        "UK Information Commissioner's Office",
        "",
        datetime.date(2025, 9, 23),
    ),
    "pcpd": (
        "PCPD statement on LinkedIn, 15 October 2024",
        "Hong Kong Privacy Commissioner for Personal Data",
        "",
        datetime.date(2024, 10, 15),
    ),
    "opc": (
        "OPC news release on LinkedIn, 10 December 2024",
        "Office of the Privacy Commissioner of Canada",
        "",
        datetime.date(2024, 12, 10),
    ),
    "dpc": (
        "Irish DPC statement on LinkedIn's AI training, 7 November 2025",
        "Data Protection Commission (Ireland)",
        "",
        datetime.date(2025, 11, 7),
    ),
    "ap": (
        "Dutch AP warning on LinkedIn's AI training, 24 September 2025",
        "Autoriteit Persoonsgegevens (Netherlands)",
        "",
        datetime.date(2025, 9, 24),
    ),
    "garante": (
        "Italian Garante notice on LinkedIn's AI training, 29 October 2025",
        "Garante per la protezione dei dati personali (Italy)",
        "",
        datetime.date(2025, 10, 29),
    ),
}

EUROPE_PRIOR = (
    "If you switched the setting off before 3 November 2025, LinkedIn kept all of your "
    "data out of training. Switching off now protects only what comes next: data already "
    "used may stay in models that were trained with it. LinkedIn may also draw on older "
    "posts and profile data. After the Irish regulator stepped in, LinkedIn narrowed how "
    "far back it goes, but it has not published the new cut-off date."
)

# slug: title, summary, announced, exclusion note, confidence, sources,
#       [(name, effective, include, exclude, prior_data, note, confidence, checking)]
CHANGES = {
    "ai-training": (
        "AI training on member data",
        "LinkedIn uses members' profiles, posts, articles, comments and activity to train "
        "AI models that generate content, for itself and its affiliates (the models may be "
        "Microsoft's Azure OpenAI ones). It began outside Europe on 18 September 2024 and, "
        "after regulators intervened, reached the EU, EEA, Switzerland, the UK, Canada and "
        "Hong Kong on 3 November 2025. Private messages, login and payment data, salary data "
        "and data of members LinkedIn believes are under 18 are not used.",
        datetime.date(2024, 9, 18),
        "LinkedIn does not train AI on members' data there.",
        "confirmed",
        ["help-ai", "help-update", "erpn", "privacy-policy", "ico-2024", "pcpd", "opc", "dpc"],
        [
            (
                "Most countries, September 2024",
                datetime.date(2024, 9, 18),
                ["all"],
                ["designated-countries", "gb", "ca", "hk"],
                "Training on member data has run here since 18 September 2024. Switching off "
                "stops LinkedIn using your data from then on; whatever it used before stays in "
                "models already trained.",
                "",
                "confirmed",
                "",
            ),
            (
                "EU, EEA, Switzerland, Canada and Hong Kong, November 2025",
                datetime.date(2025, 11, 3),
                ["designated-countries", "ca", "hk"],
                [],
                EUROPE_PRIOR,
                "",
                "confirmed",
                "",
            ),
            (
                "United Kingdom, November 2025",
                datetime.date(2025, 11, 3),
                ["gb"],
                [],
                EUROPE_PRIOR,
                "In the UK, LinkedIn's privacy notice also lets it share your posts, articles, "
                "videos, Learning content, Company Page data and job posts with Microsoft so "
                "that Microsoft can train its own AI. The same setting controls this. Only one "
                "source says so, and we are checking it.",
                "confirmed",
                "",
            ),
        ],
    ),
    "ad-sharing": (
        "Wider sharing with Microsoft for ads",
        "LinkedIn shares more member data with Microsoft and its partners, so that the ads "
        "Microsoft shows you are personalised with it: your profile, what you do in the feed "
        "and how you engage with ads, except what your other ad settings already forbid. "
        "Since February 2026 those ads may also appear outside Microsoft's own services.",
        datetime.date(2025, 9, 17),
        "the ad-sharing change excludes the EU, EEA, Switzerland and the UK.",
        "confirmed",
        ["help-sharing", "help-update", "privacy-policy", "us-notice"],
        [
            (
                "United States, November 2025",
                datetime.date(2025, 11, 3),
                ["us"],
                [],
                "Switching off stops further sharing. What Microsoft already received is "
                "governed by the privacy settings of your Microsoft account, which you manage "
                "there.",
                "According to LinkedIn's California notice, a browser that sends a Global "
                "Privacy Control signal also opts you out. Switch the setting off anyway: it "
                "works on every device, whatever your browser does.",
                "confirmed",
                "",
            ),
            (
                "Most other countries, November 2025",
                datetime.date(2025, 11, 3),
                ["all"],
                ["designated-countries", "gb", "ca", "hk", "us"],
                "Switching off stops further sharing. What Microsoft already received is "
                "governed by the privacy settings of your Microsoft account, which you manage "
                "there.",
                "",
                "confirmed",
                "",
            ),
            (
                "Canada and Hong Kong, November 2025",
                datetime.date(2025, 11, 3),
                ["ca", "hk"],
                [],
                "Switching off stops further sharing. What Microsoft already received is "
                "governed by the privacy settings of your Microsoft account, which you manage "
                "there.",
                "",
                "uncertain",
                "LinkedIn's wording excludes only the EU, EEA, Switzerland and the UK, so we "
                "list this item here, but no source says so directly and we have not yet seen "
                "the setting on a Canadian or Hong Kong account.",
            ),
        ],
    ),
    "legitimate-interests": (
        "AI training on legitimate interests, with a right to object",
        "In the EU, EEA, Switzerland and the UK, LinkedIn relies on its 'legitimate "
        "interests' as the legal basis for training AI on member data. Data protection law "
        "there (GDPR Article 21 and its UK equivalent) gives you the right to object. The "
        "controller is LinkedIn Ireland for the EU, EEA and Switzerland, and LinkedIn "
        "Corporation for the UK.",
        datetime.date(2025, 9, 17),
        "the objection form is for members in the EU, EEA, Switzerland and the UK. Whether "
        "LinkedIn accepts objections from elsewhere is not known.",
        "confirmed",
        ["erpn", "objection-form", "garante", "ap"],
        [
            (
                "EU, EEA, Switzerland and the UK, November 2025",
                datetime.date(2025, 11, 3),
                ["designated-countries", "gb"],
                [],
                "LinkedIn has not said whether an objection reaches data it already used for "
                "training.",
                "",
                "confirmed",
                "",
            ),
        ],
    ),
}

WEB_START = [
    ("Click your profile photo, labelled Me, in the top bar.", "Me", "confirmed"),
    ("Choose Settings & Privacy.", "Settings & Privacy", "confirmed"),
]
APP_START = [
    ("On the Home tab, tap your profile photo at the top left.", "", "confirmed"),
    (
        "Tap Settings. (On the website this entry reads Settings & Privacy; the apps are "
        "reported to say Settings.)",
        "Settings",
        "single",
    ),
]


def setting_steps(section, label, group_step=None, label_confidence="confirmed", app="single"):
    """Steps for a toggle reached through one section of the settings."""
    middle = [(f"Open {section}.", section, "confirmed")]
    if group_step:
        middle.append(group_step)
    finish = [
        (f"Open {label}.", label, label_confidence),
        ("Switch it off.", "", label_confidence),
    ]
    web = [*WEB_START, *middle, *finish]
    web[2] = (f"In the menu on the left, open {section}.", section, "confirmed")
    phone = [*APP_START, *[(t, u, app if c == "confirmed" else c) for t, u, c in middle + finish]]
    return {"web": web, "ios": phone, "android": phone}


AI_STEPS = {
    "web": [
        *WEB_START,
        ("In the menu on the left, open Data privacy.", "Data privacy", "confirmed"),
        (
            "Under How LinkedIn uses your data, open Data for Generative AI Improvement.",
            "Data for Generative AI Improvement",
            "confirmed",
        ),
        (
            "Switch 'Use my data for training content creation AI models' to Off.",
            "Use my data for training content creation AI models",
            "confirmed",
        ),
    ],
}
AI_STEPS["ios"] = AI_STEPS["android"] = [
    *APP_START,
    ("Tap Data privacy.", "Data privacy", "single"),
    ("Tap Data for Generative AI Improvement.", "Data for Generative AI Improvement", "single"),
    ("Switch the toggle off.", "", "single"),
]

AD_STEPS = {
    "web": [
        *WEB_START,
        ("In the menu on the left, open Advertising data.", "Advertising data", "confirmed"),
        (
            "Scroll to the last group, about data from outside LinkedIn. It may be titled "
            "Off platform data.",
            "Off platform data",
            "uncertain",
        ),
        (
            "Open the setting for sharing data with affiliates and partners.",
            "Share data with affiliates and partners",
            "uncertain",
        ),
        ("Switch it off.", "", "confirmed"),
    ],
}
AD_STEPS["ios"] = AD_STEPS["android"] = [
    *APP_START,
    ("Tap Advertising data.", "Advertising data", "single"),
    (
        "Open the setting for sharing data with affiliates and partners.",
        "Share data with affiliates and partners",
        "uncertain",
    ),
    ("Switch it off.", "", "single"),
]

FORM_WEB = [
    (
        "Open LinkedIn's Data Processing Objection Form with the button below, signed in to "
        "your LinkedIn account.",
        "Data Processing Objection Form",
        "confirmed",
    ),
    ("Give your name and the email address of your LinkedIn account.", "", "confirmed"),
    (
        "Choose the kind of objection, and say that you object to LinkedIn using your data to "
        "train AI models, including models that do not generate content.",
        "",
        "confirmed",
    ),
    ("Send the form, and keep the confirmation email that LinkedIn sends you.", "", "confirmed"),
]
FORM_APP = [
    (
        "Open LinkedIn's Data Processing Objection Form with the button below; it opens in "
        "your browser. Sign in there if LinkedIn asks.",
        "Data Processing Objection Form",
        "single",
    ),
    *FORM_WEB[1:],
]

ADS_GROUP = (
    "Scroll to the group about data from outside LinkedIn.",
    "",
    "confirmed",
)
INFERRED_GROUP = (
    "Find the group Activity and inferred data.",
    "Activity and inferred data",
    "confirmed",
)

# slug, kind, title, summary, position, optional, change, label, label_confidence,
# deep_link, default, choose, still_used, confidence, checking, sources, warnings, steps
ACTIONS = [
    (
        "ai-training",
        "setting",
        "Stop LinkedIn training AI on your data",
        "LinkedIn trains AI models that write text on what you post and what your profile "
        "says. One switch keeps your data out of that training from now on.",
        10,
        False,
        "ai-training",
        "Data for Generative AI Improvement",
        "confirmed",
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "on",
        "Off",
        "Switching off does not switch off LinkedIn's AI features: what you type into them is "
        "still processed to answer you, and feedback you give on AI answers may still be used "
        "(one source). The switch covers only models that generate content; LinkedIn can "
        "still train models for personalisation, safety and fighting abuse.",
        "confirmed",
        "",
        # LinkedIn's own pages first, then the regulators whose statements date each rollout.
        [
            "help-ai",
            "help-update",
            "erpn",
            "privacy-policy",
            "dpc",
            "ico-2024",
            "ico-2025",
            "pcpd",
            "opc",
            "ap",
            "garante",
        ],
        [
            (
                "on-by-default",
                "It is on unless you switched it off yourself. If you switched it off in 2024, it is still off.",
            ),
            (
                "not-retroactive",
                "Switching off protects what comes next. It does not remove what models already learned from your data.",
            ),
            (
                "separate-setting",
                "AI that personalises your feed or fights abuse is not covered by this switch. Where the law gives a right to object, the objection form covers it.",
            ),
        ],
        AI_STEPS,
    ),
    (
        "ad-sharing",
        "setting",
        "Stop LinkedIn sharing your data with Microsoft for ads",
        "LinkedIn now passes more of your data to Microsoft and its partners, so that their "
        "ads are personalised with what you do on LinkedIn. Switching off keeps your profile, "
        "activity and ad engagement out of it.",
        20,
        False,
        "ad-sharing",
        "Share data with affiliates and partners",
        "uncertain",
        "https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners",
        "on",
        "Off",
        "Microsoft will still show you ads, but not ones personalised with your LinkedIn data. "
        "What Microsoft already received is managed in your Microsoft account's own privacy "
        "settings.",
        "confirmed",
        "Sources disagree on the setting's exact name: most say 'Share data with affiliates "
        "and partners', one says 'Data sharing with our affiliates and select partners', and "
        "LinkedIn's help calls it the 'Data sharing' setting. Its address changed in February "
        "2026; the link here is LinkedIn's current one.",
        ["help-sharing", "help-update", "us-notice", "privacy-policy"],
        [
            ("on-by-default", "Sharing is on unless you switched it off."),
            (
                "not-retroactive",
                "Switching off stops further sharing. It does not call back what Microsoft already has.",
            ),
            ("separate-setting", "This is separate from the AI-training switch: switch off both."),
        ],
        AD_STEPS,
    ),
    (
        "objection-form",
        "form",
        "Object to the rest of LinkedIn's AI training",
        "The AI switch covers only models that generate content. Where data protection law "
        "gives you a right to object, LinkedIn's objection form lets you object to, or ask "
        "LinkedIn to restrict, the use of your data for its other models too: personalisation, "
        "safety and classification. People without a LinkedIn account whose data appears on "
        "LinkedIn can use it as well.",
        30,
        False,
        "legitimate-interests",
        "Data Processing Objection Form",
        "confirmed",
        "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
        "",
        "Send the form",
        "LinkedIn answers by email. Separate LinkedIn forms handle deleting your data (TS-DDF) "
        "and correcting it (TS-DRF); to see what LinkedIn holds about you, use Get a copy of "
        "your data under Data privacy.",
        "confirmed",
        "We have not yet seen the form's current choices on a live account, so we do not quote "
        "them.",
        ["objection-form", "erpn", "garante", "ap"],
        [
            (
                "separate-setting",
                "The form does not switch anything off. Switch off the AI-training setting as well.",
            ),
        ],
        {"web": FORM_WEB, "ios": FORM_APP, "android": FORM_APP},
    ),
    (
        "data-from-others-for-ads",
        "setting",
        "Stop ads based on data from other companies",
        "Advertisers can share what you did on their sites and lists they hold with LinkedIn "
        "to target you. In the US this switch is the opt-out from targeted advertising. It "
        "was called Interactions with businesses until November 2025; if you had switched "
        "that off, it stays off.",
        110,
        True,
        None,
        "Data from others for ads",
        "confirmed",
        "https://www.linkedin.com/mypreferences/d/settings/ads-interactions-with-business",
        "on",
        "Off",
        "",
        "confirmed",
        "",
        ["us-notice"],
        [],
        setting_steps("Advertising data", "Data from others for ads", ADS_GROUP),
    ),
    (
        "ads-off-linkedin",
        "setting",
        "Stop LinkedIn ads on other sites",
        "LinkedIn shows its advertisers' ads on other websites and apps too, chosen with your "
        "LinkedIn data. The setting was called Ads outside of LinkedIn until late 2025.",
        120,
        True,
        None,
        "Ads off LinkedIn",
        "confirmed",
        "",
        "on",
        "Off",
        "",
        "confirmed",
        "",
        ["help-ads-off"],
        [],
        setting_steps("Advertising data", "Ads off LinkedIn"),
    ),
    (
        "measure-ad-success",
        "setting",
        "Stop ad measurement with your data",
        "LinkedIn uses your data to tell advertisers how well their ads worked, for example "
        "whether you visited their site after seeing an ad.",
        130,
        True,
        None,
        "Measure ad success",
        "confirmed",
        "",
        "on",
        "Off",
        "",
        "confirmed",
        "",
        [],
        [],
        setting_steps("Advertising data", "Measure ad success"),
    ),
    (
        "research",
        "setting",
        "Keep your data out of research",
        "LinkedIn lets researchers study its members' data for social, economic and workplace "
        "research. You can leave it out.",
        140,
        True,
        None,
        "Social, economic and workplace research",
        "confirmed",
        "",
        "on",
        "Off",
        "",
        "confirmed",
        "",
        ["help-research"],
        [],
        setting_steps(
            "Data privacy",
            "Social, economic and workplace research",
            (
                "Find the section How LinkedIn uses your data.",
                "How LinkedIn uses your data",
                "confirmed",
            ),
        ),
    ),
    (
        "inferred-ad-data",
        "setting",
        "Stop ads based on what LinkedIn guesses about you",
        "LinkedIn guesses your interests, age range and gender from your activity and uses "
        "the guesses to target ads. Three switches turn that off.",
        150,
        True,
        None,
        "Interests and traits; Age range; Gender",
        "confirmed",
        "",
        "on",
        "Off",
        "",
        "confirmed",
        "",
        [],
        [],
        {
            "web": [
                *WEB_START,
                (
                    "In the menu on the left, open Advertising data.",
                    "Advertising data",
                    "confirmed",
                ),
                INFERRED_GROUP,
                (
                    "Open Interests and traits and switch it off.",
                    "Interests and traits",
                    "confirmed",
                ),
                ("Go back, open Age range and switch it off.", "Age range", "confirmed"),
                ("Go back, open Gender and switch it off.", "Gender", "confirmed"),
            ],
            "ios": None,
        },
    ),
    (
        "job-application-data",
        "setting",
        "Limit what LinkedIn keeps from job applications",
        "Saved résumés and answers to screening questions are among the data LinkedIn lists "
        "for AI training. The job application settings decide what LinkedIn keeps for your "
        "next application.",
        160,
        True,
        None,
        "Job application settings",
        "single",
        "",
        "on",
        "Off",
        "",
        "single",
        "Only one source describes this setting; we are checking where it sits today.",
        [],
        [],
        setting_steps(
            "Data privacy",
            "Job application settings",
            ("Find the section Job seeking preferences.", "Job seeking preferences", "single"),
            label_confidence="single",
        ),
    ),
]

INFERRED = next(a for a in ACTIONS if a[0] == "inferred-ad-data")[-1]
INFERRED["ios"] = INFERRED["android"] = [
    *APP_START,
    *[(text, label, "single") for text, label, _ in INFERRED["web"][2:]],
]
INFERRED["ios"][2] = ("Tap Advertising data.", "Advertising data", "single")


def load(apps, schema_editor):
    Region = apps.get_model("regions", "Region")
    Platform = apps.get_model("walkthroughs", "Platform")
    Source = apps.get_model("walkthroughs", "Source")
    PolicyChange = apps.get_model("walkthroughs", "PolicyChange")
    Rollout = apps.get_model("walkthroughs", "Rollout")
    RolloutRegion = apps.get_model("walkthroughs", "RolloutRegion")
    Action = apps.get_model("walkthroughs", "Action")
    Step = apps.get_model("walkthroughs", "Step")
    ActionWarning = apps.get_model("walkthroughs", "ActionWarning")

    regions = {region.slug: region for region in Region.objects.all()}
    linkedin = Platform.objects.create(
        slug="linkedin", name="LinkedIn", website="https://www.linkedin.com/"
    )
    sources = {
        key: Source.objects.create(title=title, publisher=publisher, url=url, published_on=on)
        for key, (title, publisher, url, on) in SOURCES.items()
    }

    changes = {}
    for slug, (
        title,
        summary,
        announced,
        exclusion,
        confidence,
        cited,
        rollouts,
    ) in CHANGES.items():
        change = PolicyChange.objects.create(
            platform=linkedin,
            slug=slug,
            title=title,
            summary=summary,
            announced_on=announced,
            exclusion_note=exclusion,
            confidence=confidence,
        )
        change.sources.set(sources[key] for key in cited)
        changes[slug] = change
        for name, effective, include, exclude, prior, note, level, checking in rollouts:
            rollout = Rollout.objects.create(
                policy_change=change,
                name=name,
                effective_on=effective,
                default_state="on",
                prior_data=prior,
                note=note,
                confidence=level,
                checking_note=checking,
            )
            for effect, slugs in (("include", include), ("exclude", exclude)):
                for region_slug in slugs:
                    RolloutRegion.objects.create(
                        rollout=rollout, region=regions[region_slug], effect=effect
                    )

    for (
        slug,
        kind,
        title,
        summary,
        position,
        optional,
        change,
        label,
        label_confidence,
        deep_link,
        default,
        choose,
        still_used,
        confidence,
        checking,
        cited,
        warnings,
        steps,
    ) in ACTIONS:
        action = Action.objects.create(
            platform=linkedin,
            slug=slug,
            kind=kind,
            title=title,
            summary=summary,
            position=position,
            optional=optional,
            policy_change=changes.get(change),
            setting_label=label,
            setting_label_confidence=label_confidence,
            deep_link=deep_link,
            default_state=default,
            choose=choose,
            still_used=still_used,
            confidence=confidence,
            checking_note=checking,
            sources_checked_on=CHECKED,
        )
        action.sources.set(sources[key] for key in cited)
        for number, (warning_kind, text) in enumerate(warnings, start=1):
            ActionWarning.objects.create(
                action=action, kind=warning_kind, text=text, position=number
            )
        for surface, surface_steps in steps.items():
            for number, (text, ui_label, level) in enumerate(surface_steps, start=1):
                Step.objects.create(
                    action=action,
                    surface=surface,
                    position=number,
                    text=text,
                    ui_label=ui_label,
                    confidence=level,
                )


def unload(apps, schema_editor):
    for model in ("Action", "PolicyChange", "Source", "Platform"):
        apps.get_model("walkthroughs", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0001_initial"),
        ("regions", "0002_countries_and_regions"),
    ]

    operations = [migrations.RunPython(load, unload)]
