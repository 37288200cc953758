from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("agencies", "0011_membership_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="is_active",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="agency",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
