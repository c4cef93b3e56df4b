from django.apps import AppConfig


class DubanWebConfig(AppConfig):
    name = "duban.web"
    label = "duban"
    verbose_name = "duban"
    default_auto_field = "django.db.models.BigAutoField"
