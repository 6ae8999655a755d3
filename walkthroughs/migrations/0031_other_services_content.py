"""Nine more services whose AI training people ask about, on LinkedIn's model.

Facebook, Instagram and WhatsApp (Meta), Gemini, ChatGPT, Claude, Copilot, X (Grok) and
Pinterest: what each trains on, where and since when, the switch or form that stops it,
the way there on the website, iPhone and Android, and what stays in use afterwards.
Facts and their confidence are in docs/services.md; the sentences are our own. Where a
service offers no way out in a country, its item is tied to a change that does not reach
there, and what one can do instead is an optional item. Labels are the services' English
ones as their own pages give them; where the way there on a surface is not known, the step
says so rather than guess. Nobody has followed these steps on a live account for the site
yet: ``last_verified_on`` stays empty.
"""

import datetime

from django.db import migrations

from ._content import stamp, translate

CHECKED = datetime.date(2026, 12, 1)
META_EUROPE = datetime.date(2025, 5, 27)
# The day the GDPR, and with it the right to object, began to apply.
GDPR = datetime.date(2018, 5, 25)

WEB, IOS, ANDROID = "web", "ios", "android"

# key: (title, publisher, url, no_url_reason, published_on)
SOURCES = {
    "meta-privacy-eu": (
        "Meta Privacy Policy for the European Region, July 2026 version",
        "Meta",
        "",
        "Read in Open Terms Archive's record of Meta's policy; we link Meta's own page once we "
        "have checked its address.",
        None,
    ),
    "facebook-objection": (
        "Facebook Help: object to your information being used for AI at Meta",
        "Meta",
        "https://www.facebook.com/help/contact/712876720715583",
        "",
        None,
    ),
    "instagram-objection": (
        "Instagram Help: object to your information being used for AI at Meta",
        "Meta",
        "https://help.instagram.com/contact/767264225370182",
        "",
        None,
    ),
    "whatsapp-form": (
        "WhatsApp data rights contact form",
        "WhatsApp",
        "https://www.whatsapp.com/contact/forms/382532939919295/",
        "",
        None,
    ),
    "meta-ads-press": (
        "Press reports on Meta using Meta AI chats for ads from 16 December 2025",
        "Several newspapers",
        "",
        "Reported by several newspapers in late 2025; we cite Meta's own announcement once we "
        "have read it in full.",
        datetime.date(2025, 12, 16),
    ),
    "gemini-hub": (
        "Gemini Apps Privacy Hub",
        "Google",
        "https://support.google.com/gemini/answer/13278892",
        "",
        None,
    ),
    "gemini-activity": (
        "Google My Activity: Gemini Apps",
        "Google",
        "https://myactivity.google.com/product/gemini",
        "",
        None,
    ),
    "openai-data-controls": (
        "OpenAI Help: Data Controls FAQ",
        "OpenAI",
        "https://help.openai.com/en/articles/7730893-data-controls-faq",
        "",
        None,
    ),
    "anthropic-terms": (
        "Anthropic: Updates to our consumer terms and privacy policy",
        "Anthropic",
        "https://www.anthropic.com/news/updates-to-our-consumer-terms",
        "",
        datetime.date(2025, 8, 28),
    ),
    "claude-privacy-controls": (
        "Claude: data privacy controls",
        "Anthropic",
        "https://claude.ai/settings/data-privacy-controls",
        "",
        None,
    ),
    "copilot-privacy-controls": (
        "Microsoft Support: Microsoft Copilot privacy controls",
        "Microsoft",
        "https://support.microsoft.com/topic/microsoft-copilot-privacy-controls-"
        "8e479f27-6eb6-48c5-8d6a-c134062e2be6",
        "",
        None,
    ),
    "x-privacy": (
        "X Privacy Policy, July 2026 version",
        "X",
        "",
        "Read in Open Terms Archive's record of X's policy; we link X's own page once we have "
        "checked its address.",
        None,
    ),
    "dpc-grok": (
        "Irish Data Protection Commission inquiry into X's training of Grok, April 2025",
        "Data Protection Commission (Ireland)",
        "",
        "Reported in April 2025; we link the regulator's own statement once we have read it.",
        datetime.date(2025, 4, 11),
    ),
    "pinterest-ai": (
        "Pinterest Help: AI at Pinterest, June 2026 version",
        "Pinterest",
        "https://help.pinterest.com/article/ai-at-pinterest",
        "",
        None,
    ),
    "pinterest-dpo": (
        "Pinterest: data protection officer contact form",
        "Pinterest",
        "https://help.pinterest.com/data-protection-officer-contact-form",
        "",
        None,
    ),
}

# Regions the rollouts need that LinkedIn's did not: slug, name, description, members.
REGIONS = [
    ("kr", "South Korea", "South Korea alone.", ["kr"]),
    (
        "copilot-excluded",
        "Countries where Copilot does not train on consumers' conversations",
        "Brazil, mainland China, Israel, Nigeria, South Korea and Vietnam: Microsoft says it "
        "does not train Copilot's models on consumers' conversations there. Hong Kong is not "
        "among them.",
        ["br", "cn", "il", "ng", "kr", "vn"],
    ),
]

META_EUROPE_PRIOR = (
    "Meta began training on public posts and AI chats of adults in the EU, EEA and UK on "
    "27 May 2025. An objection stops it from then on; what was already used may stay in "
    "models trained before."
)
META_ELSEWHERE = (
    "Meta trains its AI on adults' public posts and comments here and gives no way to object."
)
META_ADS_NOTE = (
    "Since 16 December 2025 Meta also uses your chats with Meta AI to personalise the ads and "
    "posts you see, here with no way to opt out."
)

# slug, name, website, position, changes, actions
#   change: slug -> (title, summary, announced, exclusion note, confidence, sources,
#                    [(name, since, include, exclude, prior_data, note, confidence, checking)])
#   action: dict with the Action's fields, plus "change", "sources", "warnings" and "steps"
#           ({surface: [(text, ui_label, confidence)]})


def meta_objection_steps(menu: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [
        *menu,
        ("Open Privacy Center.", "Privacy Center", "confirmed"),
        ("Open AI at Meta.", "AI at Meta", "confirmed"),
        ("Choose to object, fill in the form and send it.", "", "single"),
    ]


META_CHATS_ITEM = {
    "slug": "meta-ai-chats",
    "kind": "setting",
    "title": "Keep what you tell Meta AI to a minimum",
    "summary": "Where no objection exists, the only way to keep your words out of Meta's AI "
    "and its ads is not to give them to Meta AI in the first place.",
    "position": 60,
    "optional": True,
    "change": "ai-chats-for-ads",
    "setting_label": "",
    "default_state": "",
    "choose": "Tell Meta AI only what you would tell an advertiser",
    "still_used": "Your public posts, which Meta also trains on here.",
    "time_needed": "",
    "confidence": "confirmed",
    "sources": ["meta-ads-press"],
    "warnings": [],
    "steps": {
        surface: [
            (
                "Before you ask Meta AI anything, remember that Meta keeps what you write and "
                "uses it for the ads you see.",
                "",
                "confirmed",
            )
        ]
        for surface in (WEB, IOS, ANDROID)
    },
}


def ai_chats_change(service: str) -> tuple:
    return (
        "Meta AI chats for ads",
        f"Meta uses what people tell Meta AI on {service} to personalise the ads and posts "
        "they see, everywhere except the EU, the UK and South Korea.",
        None,
        "Meta does not use Meta AI chats for ads there.",
        "confirmed",
        ["meta-ads-press"],
        [
            (
                "Everywhere but the EU, UK and South Korea, December 2025",
                datetime.date(2025, 12, 16),
                ["all"],
                ["eu", "gb", "kr"],
                "Chats from before 16 December 2025 may be used as well.",
                META_ADS_NOTE,
                "confirmed",
                "",
            )
        ],
    )


def meta_training_change(service: str, sources: list[str]) -> tuple:
    return (
        "AI training on public content",
        f"Meta trains its AI models on adults' public posts, photos and comments on {service} "
        "and on what they say to Meta AI. In the EU, EEA and UK it began on 27 May 2025, with "
        "a right to object; elsewhere there is no such right.",
        None,
        "Meta offers the objection only in the EU, EEA and UK.",
        "confirmed",
        sources,
        [
            (
                "EU, EEA and UK, May 2025",
                META_EUROPE,
                ["eea", "gb"],
                [],
                META_EUROPE_PRIOR,
                "",
                "confirmed",
                "",
            )
        ],
    )


def public_posts_item(service: str) -> dict:
    return {
        "slug": "fewer-public-posts",
        "kind": "setting",
        "title": "Share less in public",
        "summary": f"Meta trains on what adults post publicly on {service}. Posts only your "
        "friends or followers can see are not public content.",
        "position": 50,
        "optional": True,
        "change": None,
        "setting_label": "",
        "default_state": "",
        "choose": "An audience smaller than the public",
        "still_used": "What you already posted in public, unless you change who can see it.",
        "time_needed": "",
        "confidence": "single",
        "checking_note": "Whether a post seen by fewer people stays out of training in every "
        "country rests on Meta's own description of public content.",
        "sources": ["meta-privacy-eu"],
        "warnings": [
            (
                "not-retroactive",
                "Public content Meta has already used may stay in models trained before.",
            )
        ],
        "steps": {
            surface: [
                (
                    "When you post, choose who can see it, and pick anything but the public.",
                    "",
                    "single",
                )
            ]
            for surface in (WEB, IOS, ANDROID)
        },
    }


FACEBOOK_MENU = {
    surface: [("Open Settings & privacy.", "Settings & privacy", "confirmed")]
    for surface in (WEB, IOS, ANDROID)
}

INSTAGRAM_MENU = {
    surface: [
        ("Open your profile, then the menu.", "", "confirmed"),
        ("Open Settings.", "Settings", "confirmed"),
    ]
    for surface in (WEB, IOS, ANDROID)
}


def meta_objection_item(service: str, link: str, menu: dict, sources: list[str]) -> dict:
    return {
        "slug": "ai-objection",
        "kind": "form",
        "title": f"Object to Meta training AI on your {service} data",
        "summary": "In the EU, EEA and UK the law lets you object, and Meta then stops using "
        "your public posts and your Meta AI chats for its AI from then on.",
        "position": 10,
        "optional": False,
        "change": "ai-training",
        "setting_label": "AI at Meta",
        "setting_label_confidence": "confirmed",
        "deep_link": link,
        "default_state": "",
        "choose": "Send the objection",
        "still_used": "",
        "time_needed": "about two minutes",
        "confidence": "confirmed",
        "checking_note": "",
        "sources": sources,
        "form_text": "I object to Meta using my personal data, including my public posts and "
        "my conversations with Meta AI, to develop and improve its artificial intelligence.",
        "warnings": [
            (
                "on-by-default",
                "Meta uses your data unless you object. Staying silent counts as yes.",
            ),
            (
                "not-retroactive",
                "An objection protects what comes next, not what models already learned.",
            ),
        ],
        "steps": {surface: meta_objection_steps(menu[surface]) for surface in (WEB, IOS, ANDROID)},
    }


COPILOT_MARKETS = (
    "Microsoft says it trains on signed-in adults' conversations in some markets only. Which "
    "countries it leaves out rests on one source, and whether the EEA is among them is unclear."
)

SERVICES = [
    (
        "facebook",
        "Facebook",
        "https://www.facebook.com/",
        10,
        {
            "ai-training": meta_training_change(
                "Facebook", ["meta-privacy-eu", "facebook-objection"]
            ),
            "ai-chats-for-ads": ai_chats_change("Facebook"),
        },
        [
            {
                **meta_objection_item(
                    "Facebook",
                    "https://www.facebook.com/help/contact/712876720715583",
                    FACEBOOK_MENU,
                    ["meta-privacy-eu", "facebook-objection"],
                ),
                # The route is Meta's own; the form's address rests on one source.
                "checking_note": "The form's address comes from one source only.",
            },
            public_posts_item("Facebook"),
            META_CHATS_ITEM,
        ],
    ),
    (
        "instagram",
        "Instagram",
        "https://www.instagram.com/",
        20,
        {
            "ai-training": meta_training_change(
                "Instagram", ["meta-privacy-eu", "instagram-objection"]
            ),
            "ai-chats-for-ads": ai_chats_change("Instagram"),
        },
        [
            {
                **meta_objection_item(
                    "Instagram",
                    "https://help.instagram.com/contact/767264225370182",
                    INSTAGRAM_MENU,
                    ["meta-privacy-eu", "instagram-objection"],
                ),
                "checking_note": "The form's address comes from one source only.",
                "warnings": [
                    (
                        "on-by-default",
                        "Meta uses your data unless you object. Staying silent counts as yes.",
                    ),
                    (
                        "separate-setting",
                        "One objection may cover a Facebook account linked to this one; one "
                        "source says so. To be sure, object on both.",
                    ),
                ],
            },
            public_posts_item("Instagram"),
            META_CHATS_ITEM,
        ],
    ),
    (
        "whatsapp",
        "WhatsApp",
        "https://www.whatsapp.com/",
        30,
        {
            "ai-training": (
                "Meta AI chats in training",
                "Meta may train its AI on what people say to Meta AI in WhatsApp. Private "
                "chats between people are not used, unless someone shares them with Meta AI.",
                datetime.date(2025, 4, 14),
                "WhatsApp offers the objection only in the EU, EEA and UK.",
                "single",
                ["whatsapp-form", "meta-privacy-eu"],
                [
                    (
                        "EU, EEA and UK, May 2025",
                        META_EUROPE,
                        ["eea", "gb"],
                        [],
                        "What Meta AI already received before your objection may stay in "
                        "models trained before.",
                        "",
                        "single",
                        "Only one source describes the objection for WhatsApp.",
                    )
                ],
            ),
            "ai-chats-for-ads": ai_chats_change("WhatsApp"),
        },
        [
            {
                "slug": "ai-objection",
                "kind": "form",
                "title": "Object to Meta training AI on your WhatsApp chats with Meta AI",
                "summary": "Where the law gives a right to object, WhatsApp's data-rights form "
                "is the way to say no to Meta AI training on what you tell it.",
                "position": 10,
                "optional": False,
                "change": "ai-training",
                "setting_label": "",
                "deep_link": "https://www.whatsapp.com/contact/forms/382532939919295/",
                "default_state": "",
                "choose": "Send the objection",
                "still_used": "Your private chats with people are not used unless you share "
                "them with Meta AI.",
                "time_needed": "about three minutes",
                "confidence": "single",
                "checking_note": "Only one source says that this form takes objections to AI "
                "training.",
                "sources": ["whatsapp-form", "meta-privacy-eu"],
                "form_text": "I object to Meta using my personal data, including my "
                "conversations with Meta AI in WhatsApp, to develop and improve its "
                "artificial intelligence.",
                "warnings": [],
                "steps": {
                    surface: [
                        (
                            "Open WhatsApp's data-rights form (the button below opens it).",
                            "",
                            "single",
                        ),
                        (
                            "Say that you object to Meta training AI on your data, and send "
                            "the form.",
                            "",
                            "single",
                        ),
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
            {
                **META_CHATS_ITEM,
                "slug": "meta-ai-out-of-chats",
                "change": None,
                "position": 50,
                "title": "Keep Meta AI out of your chats",
                "summary": "WhatsApp does not train on chats between people. What you write "
                "to Meta AI, or share with it, is another matter.",
                "choose": "Do not write to Meta AI or share chats with it",
                "still_used": "",
                "confidence": "single",
                "sources": ["whatsapp-form"],
            },
            META_CHATS_ITEM,
        ],
    ),
    (
        "gemini",
        "Gemini",
        "https://gemini.google.com/",
        40,
        {},
        [
            {
                "slug": "keep-activity",
                "kind": "setting",
                "title": "Stop Google training AI on your Gemini chats",
                "summary": "Google keeps your Gemini chats and may use them, and have people "
                "read them, to improve its AI. One setting of your Google account stops that "
                "from now on.",
                "position": 10,
                "optional": False,
                "change": None,
                "setting_label": "Keep Activity",
                "setting_label_confidence": "confirmed",
                "deep_link": "https://myactivity.google.com/product/gemini",
                "default_state": "on",
                "choose": "Off",
                "still_used": "Even with the setting off, Google keeps your chats for 72 hours. "
                "Chats people have already reviewed are kept for up to three years.",
                "time_needed": "about a minute",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["gemini-hub", "gemini-activity"],
                "warnings": [
                    (
                        "on-by-default",
                        "It is on for personal accounts; Google deletes the activity after "
                        "18 months unless you chose otherwise.",
                    ),
                    (
                        "other",
                        "With a work or school account, your administrator decides.",
                    ),
                    (
                        "other",
                        "The setting was called Gemini Apps Activity before, and some screens "
                        "may still say so.",
                    ),
                ],
                "steps": {
                    WEB: [
                        ("Open gemini.google.com and sign in.", "", "confirmed"),
                        ("Open Settings & help.", "Settings & help", "confirmed"),
                        ("Open Activity.", "Activity", "confirmed"),
                        ("Switch Keep Activity off.", "Keep Activity", "confirmed"),
                    ],
                    IOS: [
                        ("In the Gemini app, tap your profile picture.", "", "single"),
                        ("Tap Gemini Apps Activity.", "Gemini Apps Activity", "single"),
                        ("Switch Keep Activity off.", "Keep Activity", "single"),
                    ],
                    ANDROID: [
                        ("In the Gemini app, tap your profile picture.", "", "single"),
                        ("Tap Gemini Apps Activity.", "Gemini Apps Activity", "single"),
                        ("Switch Keep Activity off.", "Keep Activity", "single"),
                    ],
                },
            },
            {
                "slug": "temporary-chats",
                "kind": "setting",
                "title": "Use temporary chats for what should not be kept",
                "summary": "Google does not use temporary chats to train its AI.",
                "position": 50,
                "optional": True,
                "change": None,
                "setting_label": "",
                "default_state": "",
                "choose": "A temporary chat",
                "still_used": "",
                "confidence": "confirmed",
                "sources": ["gemini-hub"],
                "warnings": [],
                "steps": {
                    surface: [
                        (
                            "Start a temporary chat instead of a normal one; the Gemini Apps "
                            "Privacy Hub says where it is.",
                            "",
                            "single",
                        )
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
        ],
    ),
    (
        "chatgpt",
        "ChatGPT",
        "https://chatgpt.com/",
        50,
        {},
        [
            {
                "slug": "improve-the-model",
                "kind": "setting",
                "title": "Stop OpenAI training its models on your ChatGPT chats",
                "summary": "OpenAI uses what you write to ChatGPT to train its models unless "
                "you say no. The setting follows your account onto every device.",
                "position": 10,
                "optional": False,
                "change": None,
                "setting_label": "Improve the model for everyone",
                "setting_label_confidence": "confirmed",
                "deep_link": "",
                "default_state": "on",
                "choose": "Off",
                "still_used": "Chats from before you switched off may already have been used.",
                "time_needed": "about a minute",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["openai-data-controls"],
                "warnings": [
                    (
                        "on-by-default",
                        "It is on for personal plans. Business and Enterprise plans and the "
                        "API are off by default.",
                    ),
                ],
                "steps": {
                    WEB: [
                        ("Click your profile icon.", "", "confirmed"),
                        ("Open Settings.", "Settings", "confirmed"),
                        ("Open Data controls.", "Data controls", "confirmed"),
                        (
                            "Switch Improve the model for everyone off.",
                            "Improve the model for everyone",
                            "confirmed",
                        ),
                    ],
                    IOS: [
                        ("Open the side bar and tap your profile.", "", "confirmed"),
                        ("Tap Data controls.", "Data controls", "confirmed"),
                        (
                            "Switch Improve the model for everyone off.",
                            "Improve the model for everyone",
                            "confirmed",
                        ),
                    ],
                    ANDROID: [
                        ("Open the side bar and tap your profile.", "", "confirmed"),
                        ("Tap Data controls.", "Data controls", "confirmed"),
                        (
                            "Switch Improve the model for everyone off.",
                            "Improve the model for everyone",
                            "confirmed",
                        ),
                    ],
                },
            },
        ],
    ),
    (
        "claude",
        "Claude",
        "https://claude.ai/",
        60,
        {
            "ai-training": (
                "Training on consumer chats",
                "Since 28 August 2025 Anthropic may train its models on chats of its consumer "
                "plans, for members who leave the choice on, and keeps those chats for five "
                "years.",
                datetime.date(2025, 8, 28),
                "Anthropic's consumer terms do not reach there.",
                "confirmed",
                ["anthropic-terms"],
                [
                    (
                        "Worldwide, August 2025",
                        datetime.date(2025, 8, 28),
                        ["all"],
                        [],
                        "With the choice on, chats are kept for five years; with it off, for "
                        "30 days. Chats used before you switched off may stay in trained "
                        "models.",
                        "",
                        "confirmed",
                        "",
                    )
                ],
            ),
        },
        [
            {
                "slug": "help-improve-claude",
                "kind": "setting",
                "title": "Stop Anthropic training Claude on your chats",
                "summary": "Anthropic asked every member to choose; the choice came pre-set to "
                "yes. Switching it off keeps new chats out of training and shortens how long "
                "they are kept.",
                "position": 10,
                "optional": False,
                "change": "ai-training",
                "setting_label": "Help improve Claude",
                "setting_label_confidence": "confirmed",
                "deep_link": "https://claude.ai/settings/data-privacy-controls",
                "default_state": "on",
                "choose": "Off",
                "still_used": "Chats flagged for a safety review and chats you send as "
                "feedback are still used.",
                "time_needed": "about a minute",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["anthropic-terms", "claude-privacy-controls"],
                "warnings": [
                    (
                        "on-by-default",
                        "If you accepted the prompt without changing it, the setting is on.",
                    ),
                ],
                "steps": {
                    surface: [
                        ("Open Settings.", "Settings", "confirmed"),
                        ("Open Privacy.", "Privacy", "confirmed"),
                        ("Switch Help improve Claude off.", "Help improve Claude", "confirmed"),
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
        ],
    ),
    (
        "copilot",
        "Copilot",
        "https://copilot.microsoft.com/",
        70,
        {},
        [
            {
                "slug": "model-training-text",
                "kind": "setting",
                "title": "Stop Microsoft training Copilot on what you type",
                "summary": "Copilot's text conversations may train Microsoft's models unless you "
                "switch that off.",
                "position": 10,
                "optional": False,
                "change": None,
                "setting_label": "Model training on text",
                "setting_label_confidence": "confirmed",
                "deep_link": "",
                "default_state": "on",
                "choose": "Off",
                "still_used": "Conversations from before you switched off may already have "
                "been used.",
                "time_needed": "about a minute",
                "confidence": "single",
                "checking_note": COPILOT_MARKETS,
                "sources": ["copilot-privacy-controls"],
                "warnings": [
                    (
                        "separate-setting",
                        "Voice has a switch of its own, Model training on voice: see the next "
                        "item.",
                    ),
                    (
                        "other",
                        "Microsoft does not train on signed-out use, on under-18s or on work "
                        "accounts.",
                    ),
                ],
                "steps": {
                    WEB: [
                        ("Open your profile.", "", "single"),
                        ("Open Settings.", "Settings", "single"),
                        ("Open Privacy.", "Privacy", "single"),
                        (
                            "Switch Model training on text off.",
                            "Model training on text",
                            "confirmed",
                        ),
                    ],
                    IOS: [
                        ("Open Settings.", "Settings", "confirmed"),
                        ("Tap Account.", "Account", "confirmed"),
                        ("Tap Privacy.", "Privacy", "confirmed"),
                        ("Tap Model training.", "Model training", "confirmed"),
                        (
                            "Switch Model training on text off.",
                            "Model training on text",
                            "confirmed",
                        ),
                    ],
                    ANDROID: [
                        ("Open Settings.", "Settings", "confirmed"),
                        ("Tap Account.", "Account", "confirmed"),
                        ("Tap Privacy.", "Privacy", "confirmed"),
                        ("Tap Model training.", "Model training", "confirmed"),
                        (
                            "Switch Model training on text off.",
                            "Model training on text",
                            "confirmed",
                        ),
                    ],
                },
            },
            {
                "slug": "model-training-voice",
                "kind": "setting",
                "title": "Stop Microsoft training Copilot on your voice",
                "summary": "Voice conversations with Copilot have their own switch.",
                "position": 20,
                "optional": False,
                "change": None,
                "setting_label": "Model training on voice",
                "setting_label_confidence": "confirmed",
                "deep_link": "",
                "default_state": "on",
                "choose": "Off",
                "still_used": "Conversations from before you switched off may already have "
                "been used.",
                "time_needed": "about a minute",
                "confidence": "single",
                "checking_note": COPILOT_MARKETS,
                "sources": ["copilot-privacy-controls"],
                "warnings": [],
                "steps": {
                    WEB: [
                        ("On the same Privacy page, find the voice switch.", "", "single"),
                        (
                            "Switch Model training on voice off.",
                            "Model training on voice",
                            "confirmed",
                        ),
                    ],
                    IOS: [
                        ("On the same Model training page, find the voice switch.", "", "single"),
                        (
                            "Switch Model training on voice off.",
                            "Model training on voice",
                            "confirmed",
                        ),
                    ],
                    ANDROID: [
                        ("On the same Model training page, find the voice switch.", "", "single"),
                        (
                            "Switch Model training on voice off.",
                            "Model training on voice",
                            "confirmed",
                        ),
                    ],
                },
            },
        ],
    ),
    (
        "x",
        "X",
        "https://x.com/",
        80,
        {},
        [
            {
                "slug": "grok-training",
                "kind": "setting",
                "title": "Stop X training Grok on your posts",
                "summary": "A box in X's privacy settings lets your posts and your Grok chats be "
                "used to train Grok. Untick it.",
                "position": 10,
                "optional": False,
                "change": None,
                "setting_label": "Grok & Third-party collaborators",
                "setting_label_confidence": "confirmed",
                "deep_link": "",
                "default_state": "on",
                "choose": "Unticked",
                "still_used": "Posts and chats used before you untick the box may stay in "
                "trained models. Your public posts stay public: anyone can still read them.",
                "time_needed": "about a minute",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["x-privacy"],
                "warnings": [
                    ("on-by-default", "The box is ticked unless you unticked it."),
                    (
                        "other",
                        "Since April 2025 the Irish regulator has been looking into how X "
                        "trained Grok on posts of members in the EU.",
                    ),
                ],
                "steps": {
                    surface: [
                        ("Open Settings and privacy.", "Settings and privacy", "confirmed"),
                        ("Open Privacy and safety.", "Privacy and safety", "confirmed"),
                        (
                            "Open Data sharing and personalization.",
                            "Data sharing and personalization",
                            "confirmed",
                        ),
                        (
                            "Open Grok & Third-party collaborators.",
                            "Grok & Third-party collaborators",
                            "confirmed",
                        ),
                        (
                            "Untick the box that allows your posts and your interactions with "
                            "Grok to be used for training.",
                            "Allow your posts as well as your interactions, inputs, and "
                            "results with Grok to be used for training and fine-tuning",
                            "confirmed",
                        ),
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
            {
                "slug": "grok-history",
                "kind": "setting",
                "title": "Delete your Grok conversation history",
                "summary": "Unticking the box protects what comes next; deleting your Grok "
                "conversations removes what is stored.",
                "position": 50,
                "optional": True,
                "change": None,
                "setting_label": "",
                "default_state": "",
                "choose": "Delete",
                "still_used": "",
                "confidence": "confirmed",
                "sources": ["x-privacy"],
                "warnings": [],
                "steps": {
                    surface: [
                        (
                            "On the same Grok & Third-party collaborators page, delete your "
                            "Grok conversation history.",
                            "Grok & Third-party collaborators",
                            "single",
                        )
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
        ],
    ),
    (
        "pinterest",
        "Pinterest",
        "https://www.pinterest.com/",
        90,
        {
            "objection": (
                "Objection to AI training",
                "In the EU, EEA and UK members may also object to Pinterest's AI training by "
                "writing to its data protection officer.",
                None,
                "Pinterest names the objection only for the EU, EEA and UK.",
                "confirmed",
                ["pinterest-ai", "pinterest-dpo"],
                [
                    (
                        "EU, EEA and UK, under the right to object of the GDPR",
                        GDPR,
                        ["eea", "gb"],
                        [],
                        "An objection protects what comes next, not what models already learned.",
                        "",
                        "confirmed",
                        "",
                    )
                ],
            ),
        },
        [
            {
                "slug": "canvas-training",
                "kind": "setting",
                "title": "Stop Pinterest training its AI on your Pins",
                "summary": "Pinterest trains Pinterest Canvas, its image AI, on members' Pins, "
                "whenever they were posted, unless members switch it off.",
                "position": 10,
                "optional": False,
                "change": None,
                "setting_label": "Use your data to train Pinterest Canvas",
                "setting_label_confidence": "confirmed",
                "deep_link": "",
                "default_state": "on",
                "choose": "Off",
                "still_used": "What Pinterest already used to train its models stays there.",
                "time_needed": "about a minute",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["pinterest-ai"],
                "warnings": [
                    (
                        "on-by-default",
                        "It is on for every member, however long ago the Pins were posted.",
                    ),
                ],
                "steps": {
                    surface: [
                        ("Open Settings.", "Settings", "confirmed"),
                        ("Open Privacy and data.", "Privacy and data", "confirmed"),
                        (
                            "Under the generative AI settings, switch Use your data to train "
                            "Pinterest Canvas off.",
                            "Use your data to train Pinterest Canvas",
                            "confirmed",
                        ),
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
            {
                "slug": "dpo-objection",
                "kind": "form",
                "title": "Object to Pinterest's AI training",
                "summary": "Where the law gives a right to object, a message to Pinterest's "
                "data protection officer covers AI training the switch may not.",
                "position": 20,
                "optional": False,
                "change": "objection",
                "setting_label": "",
                "deep_link": "https://help.pinterest.com/data-protection-officer-contact-form",
                "default_state": "",
                "choose": "Send the objection",
                "still_used": "",
                "time_needed": "about three minutes",
                "confidence": "confirmed",
                "checking_note": "",
                "sources": ["pinterest-ai", "pinterest-dpo"],
                "form_text": "I object to Pinterest using my personal data, including my Pins, "
                "to develop and train artificial intelligence models.",
                "warnings": [],
                "steps": {
                    surface: [
                        (
                            "Open the data protection officer's contact form (the button "
                            "below opens it).",
                            "",
                            "confirmed",
                        ),
                        (
                            "Say that you object to Pinterest training AI on your data, and "
                            "send the form.",
                            "",
                            "single",
                        ),
                    ]
                    for surface in (WEB, IOS, ANDROID)
                },
            },
        ],
    ),
]

# service: [(kind, region, text)]
PLACE_NOTES = {
    "copilot": [
        (
            "notice",
            "copilot-excluded",
            "Microsoft says it does not train Copilot's models on consumers' conversations "
            "here. The switches below cost nothing, should that change.",
        ),
    ],
}

# What each model shows visitors, less the services' screen labels (setting_label, ui_label).
TRANSLATED = {
    "PolicyChange": ("title", "summary", "exclusion_note"),
    "Rollout": ("prior_data", "note", "checking_note"),
    "Action": (
        "title",
        "summary",
        "choose",
        "still_used",
        "checking_note",
        "time_needed",
        "done_looks_like",
        "form_text",
    ),
    "ActionWarning": ("text",),
    "Step": ("text",),
    "PlaceNote": ("text",),
}

ACTION_FIELDS = (
    "kind",
    "title",
    "summary",
    "position",
    "optional",
    "setting_label",
    "setting_label_confidence",
    "deep_link",
    "default_state",
    "choose",
    "still_used",
    "time_needed",
    "confidence",
    "checking_note",
    "form_text",
)


def load(apps, schema_editor):
    Country = apps.get_model("regions", "Country")
    Region = apps.get_model("regions", "Region")
    Platform = apps.get_model("walkthroughs", "Platform")
    Source = apps.get_model("walkthroughs", "Source")
    PolicyChange = apps.get_model("walkthroughs", "PolicyChange")
    Rollout = apps.get_model("walkthroughs", "Rollout")
    RolloutRegion = apps.get_model("walkthroughs", "RolloutRegion")
    Action = apps.get_model("walkthroughs", "Action")
    Step = apps.get_model("walkthroughs", "Step")
    ActionWarning = apps.get_model("walkthroughs", "ActionWarning")
    PlaceNote = apps.get_model("walkthroughs", "PlaceNote")

    for slug, name, description, codes in REGIONS:
        region, _ = Region.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        region.countries.add(*Country.objects.filter(code__in=codes))
    regions = {region.slug: region for region in Region.objects.all()}
    sources = {}
    for key, (title, publisher, url, no_url_reason, published_on) in SOURCES.items():
        sources[key], _ = Source.objects.get_or_create(
            title=title,
            defaults={
                "publisher": publisher,
                "url": url,
                "no_url_reason": no_url_reason,
                "published_on": published_on,
            },
        )

    for slug, name, website, position, changes, actions in SERVICES:
        platform, _ = Platform.objects.update_or_create(
            slug=slug, defaults={"name": name, "website": website, "position": position}
        )
        made = {}
        for change_slug, (
            title,
            summary,
            announced,
            exclusion,
            confidence,
            cited,
            rollouts,
        ) in changes.items():
            change = PolicyChange.objects.create(
                platform=platform,
                slug=change_slug,
                title=title,
                summary=summary,
                announced_on=announced,
                exclusion_note=exclusion,
                confidence=confidence,
            )
            change.sources.set(sources[key] for key in cited)
            made[change_slug] = change
            for rollout_name, since, include, exclude, prior, note, level, checking in rollouts:
                rollout = Rollout.objects.create(
                    policy_change=change,
                    name=rollout_name,
                    effective_on=since,
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
        for item in actions:
            fields = {field: item[field] for field in ACTION_FIELDS if field in item}
            action = Action.objects.create(
                platform=platform,
                slug=item["slug"],
                policy_change=made.get(item["change"]) if item["change"] else None,
                sources_checked_on=CHECKED,
                **fields,
            )
            action.sources.set(sources[key] for key in item["sources"])
            for number, (kind, text) in enumerate(item["warnings"], start=1):
                ActionWarning.objects.create(action=action, kind=kind, text=text, position=number)
            for surface, steps in item["steps"].items():
                for number, (text, ui_label, level) in enumerate(steps, start=1):
                    Step.objects.create(
                        action=action,
                        surface=surface,
                        position=number,
                        text=text,
                        ui_label=ui_label,
                        confidence=level,
                    )
        for kind, region_slug, text in PLACE_NOTES.get(slug, []):
            PlaceNote.objects.create(
                platform=platform, kind=kind, region=regions[region_slug], text=text
            )

    # Every visitor-facing field in the eight other languages; the services' own labels
    # stay in English, as none of their translated wordings has been read yet.
    services = [slug for slug, *_ in SERVICES]
    for model, platform_path in (
        (PolicyChange, "platform"),
        (Rollout, "policy_change__platform"),
        (Action, "platform"),
        (ActionWarning, "action__platform"),
        (Step, "action__platform"),
        (PlaceNote, "platform"),
    ):
        fields = TRANSLATED[model.__name__]
        for row in model.objects.filter(**{f"{platform_path}__slug__in": services}):
            translate(row, fields, folder="2026-12-services")
            model.objects.filter(pk=row.pk).update(translations=row.translations)
    # Dated the day the sources were read, not the day a server ran this.
    stamp(apps, Action.objects.filter(platform__slug__in=services), CHECKED)
    stamp(apps, Step.objects.filter(action__platform__slug__in=services), CHECKED)


def unload(apps, schema_editor):
    slugs = [slug for slug, *_ in SERVICES]
    Platform = apps.get_model("walkthroughs", "Platform")
    Action = apps.get_model("walkthroughs", "Action")
    PolicyChange = apps.get_model("walkthroughs", "PolicyChange")
    Action.objects.filter(platform__slug__in=slugs).delete()
    PolicyChange.objects.filter(platform__slug__in=slugs).delete()
    apps.get_model("walkthroughs", "PlaceNote").objects.filter(platform__slug__in=slugs).delete()
    Platform.objects.filter(slug__in=slugs).delete()
    apps.get_model("walkthroughs", "Source").objects.filter(
        title__in=[title for title, *_ in SOURCES.values()]
    ).delete()
    apps.get_model("regions", "Region").objects.filter(
        slug__in=[slug for slug, *_ in REGIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("walkthroughs", "0030_platform_position"),
        ("regions", "0006_places"),
    ]

    operations = [migrations.RunPython(load, unload)]
