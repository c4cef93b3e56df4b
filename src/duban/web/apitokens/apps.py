from django.apps import AppConfig


class ApiTokensConfig(AppConfig):
    name = "duban.web.apitokens"
    label = "duban_apitokens"
    verbose_name = "duban API tokens"
    default_auto_field = "django.db.models.BigAutoField"
