"""Mainland China: LinkedIn no longer runs its consumer network there (docs/facts.md §2)."""

import hashlib

from django.db import migrations

NOTE = (
    "LinkedIn no longer runs its consumer network in mainland China. If you use LinkedIn's "
    "international website or apps from there, we believe the steps below apply to your "
    "account, but we are checking this."
)
TRANSLATIONS = {
    "fr": "LinkedIn n'exploite plus son réseau grand public en Chine continentale. Si vous "
    "utilisez depuis la Chine le site ou les applications internationales de LinkedIn, les "
    "étapes ci-dessous devraient s'appliquer à votre compte, mais nous le vérifions.",
    "de": "LinkedIn betreibt sein Netzwerk für Privatnutzer in Festlandchina nicht mehr. Wenn "
    "Sie von dort die internationale Website oder die Apps von LinkedIn nutzen, gelten nach "
    "unserem Stand die folgenden Schritte für Ihr Konto; wir prüfen das noch.",
    "nl": "LinkedIn biedt zijn netwerk voor consumenten niet meer aan op het Chinese vasteland. "
    "Gebruik je vanuit China de internationale website of apps van LinkedIn, dan gelden de "
    "stappen hieronder volgens ons voor je account, maar we controleren dat nog.",
    "it": "LinkedIn non gestisce più la sua rete per i consumatori nella Cina continentale. Se "
    "da lì usi il sito o le app internazionali di LinkedIn, pensiamo che i passaggi qui sotto "
    "valgano per il tuo account, ma lo stiamo verificando.",
    "es": "LinkedIn ya no ofrece su red para consumidores en China continental. Si desde allí "
    "usas el sitio web o las apps internacionales de LinkedIn, creemos que los pasos de abajo "
    "se aplican a tu cuenta, pero lo estamos comprobando.",
    "pt": "O LinkedIn já não opera a sua rede para consumidores na China continental. Se você "
    "usa de lá o site ou os apps internacionais do LinkedIn, acreditamos que os passos abaixo "
    "valem para a sua conta, mas ainda estamos verificando.",
    "pl": "LinkedIn nie prowadzi już swojej sieci dla użytkowników indywidualnych w Chinach "
    "kontynentalnych. Jeśli korzystasz stamtąd z międzynarodowej strony lub aplikacji "
    "LinkedIn, poniższe kroki powinny dotyczyć Twojego konta, ale jeszcze to sprawdzamy.",
    "zh-hant": "LinkedIn已不再在中國內地營運其個人用戶網絡。如果你在當地使用LinkedIn的國際網站或"
    "應用程式，我們相信以下步驟適用於你的帳戶，但我們仍在核實。",
}


def load(apps, schema_editor):
    Country = apps.get_model("regions", "Country")
    Region = apps.get_model("regions", "Region")
    source = hashlib.sha256(NOTE.encode()).hexdigest()[:12]
    region = Region.objects.create(
        slug="cn",
        name="Mainland China",
        description="Mainland China alone, where LinkedIn closed its consumer network.",
        visitor_note=NOTE,
        translations={
            language: {"visitor_note": text, "_source": {"visitor_note": source}}
            for language, text in TRANSLATIONS.items()
        },
    )
    region.countries.set(Country.objects.filter(code="cn"))


def unload(apps, schema_editor):
    apps.get_model("regions", "Region").objects.filter(slug="cn").delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0003_region_visitor_note")]

    operations = [migrations.RunPython(load, unload)]
