from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("agencies", "0012_agency_version"),
        ("agencies", "0012_marac_coordinator_role"),
    ]

    operations = []
