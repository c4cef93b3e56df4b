from django.apps import AppConfig


class DubanWebConfig(AppConfig):
    name = "duban.web"
    label = "duban"
    verbose_name = "duban"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from duban.web import access
        from duban.web.models import Membership

        # roles are cached across requests and workers (duban.web.access): every change moves their token
        post_save.connect(access._membership_saved_or_deleted, sender=Membership, dispatch_uid="duban-roles-save")
        post_delete.connect(access._membership_saved_or_deleted, sender=Membership, dispatch_uid="duban-roles-delete")
        # the session's user row is cached per worker under the same token: every save or delete moves it
        user_model = get_user_model()
        post_save.connect(access.user_changed, sender=user_model, dispatch_uid="duban-user-save")
        post_delete.connect(access.user_changed, sender=user_model, dispatch_uid="duban-user-delete")
