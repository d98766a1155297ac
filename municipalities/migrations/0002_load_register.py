from django.db import migrations


def load(apps, schema_editor):
    from municipalities.register import load_municipalities, load_organisations

    load_municipalities(apps.get_model("municipalities", "Municipality"))
    load_organisations(apps.get_model("municipalities", "Organisation"))


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
