"""What the five-minute visitor reads first: how long each item takes, how to tell it
worked, and the text to paste into the objection form, in the nine languages.

The estimates are the editors' own. "How to tell it worked" is filled only where the
content knows it: the website's AI-training switch (LinkedIn's label, confirmed) and the
form's confirmation email (confirmed). Rows an editor has already filled keep their text.
"""

from django.db import migrations

from ._content import fingerprint

A_MINUTE = "about a minute"
TWO_MINUTES = "about two minutes"
THREE_MINUTES = "about three minutes"

AI_OFF = (
    "On the website, the switch 'Use my data for training content creation AI models' shows Off."
)
FORM_CONFIRMED = "LinkedIn sends a confirmation email to the address you gave."
OBJECTION = (
    "I object to LinkedIn processing my personal data, on the basis of its legitimate "
    "interests, to develop and train artificial intelligence models, including models that "
    "do not generate content, such as those used for personalisation, safety, security or "
    "anti-abuse. The 'Data for Generative AI Improvement' setting does not cover this "
    "processing. Please stop it for my data and confirm by email."
)

# slug: (time needed, how to tell it worked, text to copy into the form)
CONTENT = {
    "ai-training": (A_MINUTE, AI_OFF, ""),
    "ad-sharing": (A_MINUTE, "", ""),
    "objection-form": (THREE_MINUTES, FORM_CONFIRMED, OBJECTION),
    "data-from-others-for-ads": (A_MINUTE, "", ""),
    "ads-off-linkedin": (A_MINUTE, "", ""),
    "measure-ad-success": (A_MINUTE, "", ""),
    "research": (A_MINUTE, "", ""),
    "inferred-ad-data": (TWO_MINUTES, "", ""),
    "job-application-data": (A_MINUTE, "", ""),
}

TRANSLATIONS = {
    A_MINUTE: {
        "fr": "environ une minute",
        "de": "etwa eine Minute",
        "nl": "ongeveer een minuut",
        "it": "circa un minuto",
        "es": "alrededor de un minuto",
        "pt": "cerca de um minuto",
        "pl": "około minuty",
        "zh-hant": "約一分鐘",
    },
    TWO_MINUTES: {
        "fr": "environ deux minutes",
        "de": "etwa zwei Minuten",
        "nl": "ongeveer twee minuten",
        "it": "circa due minuti",
        "es": "alrededor de dos minutos",
        "pt": "cerca de dois minutos",
        "pl": "około dwóch minut",
        "zh-hant": "約兩分鐘",
    },
    THREE_MINUTES: {
        "fr": "environ trois minutes",
        "de": "etwa drei Minuten",
        "nl": "ongeveer drie minuten",
        "it": "circa tre minuti",
        "es": "alrededor de tres minutos",
        "pt": "cerca de três minutos",
        "pl": "około trzech minut",
        "zh-hant": "約三分鐘",
    },
    AI_OFF: {
        "fr": "Sur le site, le réglage « Use my data for training content creation AI "
        "models » est désactivé.",
        "de": "Auf der Website ist der Schalter „Use my data for training content creation AI "
        "models“ ausgeschaltet.",
        # LinkedIn's own Dutch label of the switch is known (docs/facts.md).
        "nl": "Op de website staat de schakelaar ‘Mijn gegevens gebruiken voor training van "
        "AI-modellen waarmee content wordt gemaakt’ uit.",
        "it": "Sul sito, l'interruttore «Use my data for training content creation AI models» "
        "è disattivato.",
        "es": "En la web, el interruptor «Use my data for training content creation AI models» "
        "está desactivado.",
        "pt": "No site, a configuração “Use my data for training content creation AI models” "
        "fica desativada.",
        "pl": "Na stronie przełącznik „Use my data for training content creation AI models” "
        "jest wyłączony.",
        "zh-hant": "在網站上，「Use my data for training content creation AI models」開關顯示為關閉。",
    },
    FORM_CONFIRMED: {
        "fr": "LinkedIn envoie un e-mail de confirmation à l'adresse que vous avez indiquée.",
        "de": "LinkedIn schickt eine Bestätigung per E-Mail an die angegebene Adresse.",
        "nl": "LinkedIn stuurt een bevestiging per e-mail naar het adres dat je hebt opgegeven.",
        "it": "LinkedIn invia un'email di conferma all'indirizzo che hai indicato.",
        "es": "LinkedIn envía un correo de confirmación a la dirección que has indicado.",
        "pt": "O LinkedIn envia um e-mail de confirmação para o endereço que você informou.",
        "pl": "LinkedIn wysyła e-mail z potwierdzeniem na podany adres.",
        "zh-hant": "LinkedIn會向你填寫的電郵地址發送確認電郵。",
    },
    OBJECTION: {
        "fr": "Je m'oppose au traitement de mes données personnelles par LinkedIn, fondé sur "
        "ses intérêts légitimes, pour développer et entraîner des modèles d'intelligence "
        "artificielle, y compris des modèles qui ne génèrent pas de contenu, comme ceux qui "
        "servent à la personnalisation, à la sécurité ou à la lutte contre les abus. Le "
        "réglage « Data for Generative AI Improvement » ne couvre pas ce traitement. Merci "
        "d'y mettre fin pour mes données et de me le confirmer par e-mail.",
        "de": "Ich widerspreche der Verarbeitung meiner personenbezogenen Daten durch LinkedIn "
        "auf Grundlage seiner berechtigten Interessen, um KI-Modelle zu entwickeln und zu "
        "trainieren, auch Modelle, die keine Inhalte erzeugen, etwa für Personalisierung, "
        "Sicherheit oder die Abwehr von Missbrauch. Die Einstellung „Data for Generative AI "
        "Improvement“ deckt diese Verarbeitung nicht ab. Bitte beenden Sie sie für meine Daten "
        "und bestätigen Sie mir das per E-Mail.",
        "nl": "Ik maak bezwaar tegen de verwerking van mijn persoonsgegevens door LinkedIn op "
        "basis van zijn gerechtvaardigde belangen om AI-modellen te ontwikkelen en te trainen, "
        "ook modellen die geen content maken, zoals modellen voor personalisatie, veiligheid, "
        "beveiliging of de bestrijding van misbruik. De instelling ‘Data for Generative AI "
        "Improvement’ dekt deze verwerking niet. Ik verzoek LinkedIn deze verwerking van mijn "
        "gegevens te staken en dit per e-mail te bevestigen.",
        "it": "Mi oppongo al trattamento dei miei dati personali da parte di LinkedIn, basato "
        "sui suoi legittimi interessi, per sviluppare e addestrare modelli di intelligenza "
        "artificiale, compresi i modelli che non generano contenuti, come quelli usati per la "
        "personalizzazione, la sicurezza o il contrasto agli abusi. L'impostazione «Data for "
        "Generative AI Improvement» non copre questo trattamento. Vi chiedo di interromperlo "
        "per i miei dati e di confermarmelo via email.",
        "es": "Me opongo a que LinkedIn trate mis datos personales, sobre la base de sus "
        "intereses legítimos, para desarrollar y entrenar modelos de inteligencia artificial, "
        "incluidos los que no generan contenido, como los que se usan para la personalización, "
        "la seguridad o la lucha contra los abusos. El ajuste «Data for Generative AI "
        "Improvement» no cubre este tratamiento. Les pido que lo detengan para mis datos y me "
        "lo confirmen por correo electrónico.",
        "pt": "Eu me oponho ao tratamento dos meus dados pessoais pelo LinkedIn, com base em "
        "seus interesses legítimos, para desenvolver e treinar modelos de inteligência "
        "artificial, inclusive modelos que não geram conteúdo, como os usados para "
        "personalização, segurança ou combate a abusos. A configuração “Data for Generative "
        "AI Improvement” não cobre esse tratamento. Peço que o interrompam para os meus dados "
        "e me confirmem por e-mail.",
        "pl": "Sprzeciwiam się przetwarzaniu moich danych osobowych przez LinkedIn na podstawie "
        "jego prawnie uzasadnionych interesów w celu rozwijania i trenowania modeli sztucznej "
        "inteligencji, także modeli, które nie generują treści, na przykład służących "
        "personalizacji, bezpieczeństwu lub przeciwdziałaniu nadużyciom. Ustawienie „Data for "
        "Generative AI Improvement” nie obejmuje tego przetwarzania. Proszę o zaprzestanie go w "
        "odniesieniu do moich danych i potwierdzenie tego e-mailem.",
        "zh-hant": "本人反對LinkedIn以其正當利益為依據，處理本人的個人資料以開發及訓練人工智能模型，"
        "包括不生成內容的模型，例如用於個人化、安全或打擊濫用的模型。「Data for Generative AI "
        "Improvement」設定並不涵蓋這項處理。請停止以本人的資料進行這項處理，並以電郵確認。",
    },
}

FIELDS = ("time_needed", "done_looks_like", "form_text")


def seed(apps, schema_editor):
    Action = apps.get_model("walkthroughs", "Action")
    for action in Action.objects.filter(platform__slug="linkedin", slug__in=CONTENT):
        translations = dict(action.translations or {})
        changed = []
        for field, english in zip(FIELDS, CONTENT[action.slug], strict=True):
            if not english or getattr(action, field):
                continue
            setattr(action, field, english)
            changed.append(field)
            for language, text in TRANSLATIONS[english].items():
                entry = dict(translations.get(language, {}))
                entry[field] = text
                entry["_source"] = {**entry.get("_source", {}), field: fingerprint(english)}
                translations[language] = entry
        if changed:
            action.translations = translations
            # update(), not save(): the content dates stay the days the content says.
            Action.objects.filter(pk=action.pk).update(
                translations=translations, **{field: getattr(action, field) for field in changed}
            )


class Migration(migrations.Migration):
    dependencies = [("walkthroughs", "0015_visitor_fields")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
