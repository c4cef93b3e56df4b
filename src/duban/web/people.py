"""People: accounts and roles, managed in the app instead of Django's admin.

Who manages whom:
- an admin manages every account and grants every role (admin, supervisor of a region, reporter of a
  department);
- a supervisor manages the reporter accounts of the departments in the regions they supervise (their
  descendants included): never an admin, another supervisor, Django staff, or anyone who also holds a
  role elsewhere. They grant and remove only reporter roles of those departments.

Accounts are deactivated, never deleted (History rows point at users). Every change appends History, so
the site stamps of `duban.web.caching` move. Roles change only through Membership ``save()``/``delete()``
(role caches are invalidated by model signals). Passwords are never written to History; a generated
one is shown once, on the answer to the request that made it.

The first part is the action layer (permission checks, ``do_*`` functions raising `actions.Forbidden` /
`actions.Invalid`), then the forms and the pages.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from duban.web import access, actions
from duban.web.actions import Invalid, _require, record
from duban.web.models import Department, Membership, Region

User = get_user_model()

# readable in print and over the phone: no 0/O, 1/l/I
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 14


def generate_password() -> str:
    return "".join(secrets.choice(_ALPHABET) for _i in range(PASSWORD_LENGTH))


# --- who may manage whom ---------------------------------------------------------------------------

def can_manage_people(actor) -> bool:
    """Admins and supervisors have a people page."""
    r = access.roles(actor)
    return r.admin or bool(r.regions)


def department_scope(actor) -> set[int] | None:
    """Ids of the departments whose reporters the actor manages; None means every department (admin)."""
    regions = access.supervised_region_ids(actor)
    if regions is None:
        return None
    if not regions:
        return set()
    return set(Department.objects.filter(region_id__in=regions).values_list("pk", flat=True))


def region_scope(actor) -> set[int] | None:
    """Ids of the regions the actor supervises (descendants included); None means all (admin)."""
    return access.supervised_region_ids(actor)


def visible_people(actor) -> QuerySet:
    """The accounts on the actor's people page: all for an admin; for a supervisor, the holders of a
    reporter role in one of their departments."""
    if not can_manage_people(actor):
        return User.objects.none()
    deps = department_scope(actor)
    if deps is None:
        return User.objects.all()
    ids = Membership.objects.filter(role="reporter", department_id__in=deps).values("user_id")
    return User.objects.filter(pk__in=ids)


def _privileged(member) -> bool:
    return bool(member.is_superuser or member.is_staff
                or Membership.objects.filter(user=member, role__in=("admin", "supervisor")).exists())


def can_manage_account(actor, member) -> bool:
    """May reset the password of, rename or (de)activate ``member``: an admin anyone; a supervisor an
    account whose every role is a reporter role in their departments (and which has one)."""
    r = access.roles(actor)
    if r.admin:
        return True
    if not r.regions or _privileged(member):
        return False
    deps = department_scope(actor) or set()
    held = list(Membership.objects.filter(user=member).values_list("role", "department_id"))
    return bool(held) and all(role == "reporter" and dep in deps for role, dep in held)


def can_change_role(actor, role: str, department: Department | None = None) -> bool:
    """May grant or remove this role: admins any; supervisors a reporter role of their departments."""
    r = access.roles(actor)
    if r.admin:
        return True
    if role != "reporter" or department is None:
        return False
    return access.can_supervise(actor, department.region)


def get_person(actor, pk: int):
    """The account, or a 404 when it is not on the actor's people page (ids leak nothing)."""
    member = visible_people(actor).filter(pk=pk).first()
    if member is None:
        raise Http404("no such person")
    return member


# --- actions ---------------------------------------------------------------------------------------

def person_state(member) -> dict[str, Any]:
    """An account as History stores it (never the password)."""
    return {"username": member.get_username(), "name": member.first_name, "email": member.email,
            "active": member.is_active}


def _role_state(m: Membership) -> dict[str, Any]:
    return {"user": m.user.get_username(), "role": m.role, "region": m.region.name if m.region else None,
            "department": m.department.name if m.department else None}


def _clean_username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise Invalid(_("用户名不能为空"))
    if len(username) > 150:
        raise Invalid(_("用户名过长（最多 150 个字符）"))
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise Invalid(_("用户名只能包含字母、数字和 @/./+/-/_")) from None
    # case-insensitively unique: "Zhang" and "zhang" would be two people only in name
    if User.objects.filter(username__iexact=username).exists():
        raise Invalid(_("用户名已被使用：%(name)s") % {"name": username})
    return username


def _clean_email(email: str) -> str:
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Invalid(_("电子邮箱地址无效：%(email)s") % {"email": email}) from None
    return email


def _check_password(password: str, member) -> None:
    try:
        password_validation.validate_password(password, member)
    except ValidationError as e:
        raise Invalid(" ".join(str(m) for m in e.messages)) from None


def _check_role(actor, role: str, region: Region | None, department: Department | None) -> None:
    """Permission first (Forbidden), then shape (Invalid)."""
    _require(can_manage_people(actor), _("授予此角色"))
    if role == "reporter" and department is None:
        raise Invalid(_("填报人需要指定部门"))
    if role not in dict(Membership.ROLES):
        _require(access.roles(actor).admin, _("授予此角色"))
        raise Invalid(_("未知的角色：%(role)s") % {"role": repr(role)})
    _require(can_change_role(actor, role, department), _("授予此角色"))
    if role == "supervisor" and region is None:
        raise Invalid(_("督查人员需要指定地区"))


@transaction.atomic
def do_create_person(actor, *, username: str, name: str = "", email: str = "", password: str = "",
                     role: str = "", region: Region | None = None, department: Department | None = None
                     ) -> tuple[Any, str]:
    """Create an account, with a first role (required for a supervisor: a reporter role in one of their
    departments, so the account stays theirs to manage). Returns the user and the generated password
    ("" when ``password`` was given); nothing is stored when anything is refused."""
    _require(can_manage_people(actor), _("管理人员"))
    if role or not access.roles(actor).admin:
        _check_role(actor, role or "reporter", region, department)
    member = User(username=_clean_username(username), first_name=(name or "").strip()[:150],
                  email=_clean_email(email))
    generated = "" if password else generate_password()
    _check_password(password or generated, member)
    member.set_password(password or generated)
    try:
        with transaction.atomic():  # a savepoint: the same name created at the same moment is refused
            member.save()
    except IntegrityError:
        raise Invalid(_("用户名已被使用：%(name)s") % {"name": member.username}) from None
    record(actor, "create_user", member, after=person_state(member))
    if role:
        actions.do_grant_role(actor, member, role, region=region, department=department)
    return member, generated


@transaction.atomic
def do_edit_person(actor, member, *, name: str, email: str) -> Any:
    """Change an account's display name and e-mail."""
    _require(can_manage_account(actor, member), _("修改此账号"))
    before = person_state(member)
    member.first_name = (name or "").strip()[:150]
    member.email = _clean_email(email)
    if person_state(member) != before:
        member.save(update_fields=["first_name", "email"])
        record(actor, "edit_user", member, before=before, after=person_state(member))
    return member


@transaction.atomic
def do_give_role(actor, member, role: str, *, region: Region | None = None,
                 department: Department | None = None) -> Membership:
    """Give ``member`` a role (see `can_change_role`). A supervisor gives roles only to the people on
    their page, so another region's accounts stay out of reach."""
    _check_role(actor, role, region, department)
    if not access.roles(actor).admin:
        _require(visible_people(actor).filter(pk=member.pk).exists(), _("为此账号授予角色"))
    held = Membership.objects.filter(user=member, role=role, region=region if role == "supervisor" else None,
                                     department=department if role == "reporter" else None)
    if held.exists():
        raise Invalid(_("该账号已有此角色"))
    return actions.do_grant_role(actor, member, role, region=region, department=department)


@transaction.atomic
def do_remove_role(actor, membership: Membership) -> None:
    """Take a role away. Nobody removes their own admin role (the site would lose its last admin);
    a supervisor never removes a reporter's last role (deactivate the account instead)."""
    _require(can_change_role(actor, membership.role, membership.department), _("取消此角色"))
    member = membership.user
    if membership.role == "admin" and member.pk == getattr(actor, "pk", None):
        raise Invalid(_("不能取消自己的管理员角色"))
    if not access.roles(actor).admin and not Membership.objects.filter(user=member).exclude(
            pk=membership.pk).exists():
        raise Invalid(_("这是该账号唯一的角色：请改为停用账号"))
    record(actor, "remove_role", membership, before=_role_state(membership))
    membership.delete()  # the model's delete(): role caches listen to its signal
    access.forget_roles(member)


@transaction.atomic
def do_set_active(actor, member, active: bool) -> Any:
    """Deactivate (no login, no API token, open sessions end) or reactivate an account."""
    _require(can_manage_account(actor, member), _("停用或启用此账号"))
    if member.pk == getattr(actor, "pk", None):
        raise Invalid(_("不能停用或启用自己的账号"))
    if member.is_active == active:
        raise Invalid(_("账号已是启用状态") if active else _("账号已是停用状态"))
    before = person_state(member)
    member.is_active = active
    member.save(update_fields=["is_active"])
    record(actor, "reactivate_user" if active else "deactivate_user", member, before=before,
           after=person_state(member))
    access.forget_roles(member)
    return member


@transaction.atomic
def do_reset_password(actor, member) -> str:
    """Give the account a new generated password (returned, to be shown once); its sessions end."""
    _require(can_manage_account(actor, member), _("重置此账号的密码"))
    if member.pk == getattr(actor, "pk", None):
        raise Invalid(_("请在“修改密码”页面修改自己的密码"))
    password = generate_password()
    member.set_password(password)
    member.save(update_fields=["password"])
    record(actor, "reset_password", member, after={"username": member.get_username()})
    return password


# --- forms -----------------------------------------------------------------------------------------

class _DepartmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Department) -> str:
        return f"{obj.region.name} · {obj.name}"  # names repeat across regions (教育局)


class _RoleFields(forms.Form):
    """A role and its scope; the choices are what the actor may grant."""

    role = forms.ChoiceField(label=_("角色"), required=False)
    department = _DepartmentChoice(queryset=Department.objects.none(), required=False, label=_("部门"),
                                   help_text=_("填报人所属部门"))
    region = forms.ModelChoiceField(queryset=Region.objects.none(), required=False, label=_("地区"),
                                    help_text=_("督查人员督办的地区（含下级地区）"))

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        admin = access.roles(actor).admin
        roles = dict(Membership.ROLES)
        choices = [(k, v) for k, v in roles.items() if admin or k == "reporter"]
        self.fields["role"].choices = ([("", _("（暂不授予）"))] if admin and self.optional_role else []) + choices
        self.fields["role"].initial = "reporter"  # the role given most often by far
        deps = Department.objects.select_related("region").order_by("region__name", "name")
        scope = department_scope(actor)
        self.fields["department"].queryset = deps if scope is None else deps.filter(pk__in=scope)
        if admin:
            self.fields["region"].queryset = Region.objects.order_by("name")
        else:
            del self.fields["region"]

    optional_role = False

    def clean(self):
        data = super().clean()
        role = data.get("role") or ""
        if role == "reporter" and not data.get("department"):
            self.add_error("department", _("填报人需要指定部门"))
        if role == "supervisor" and not data.get("region"):
            self.add_error("region", _("督查人员需要指定地区"))
        if not role and not self.optional_role:
            self.add_error("role", _("请选择角色"))
        return data

    def role_args(self) -> dict[str, Any]:
        role = self.cleaned_data.get("role") or ""
        return {"role": role,
                "department": self.cleaned_data.get("department") if role == "reporter" else None,
                "region": self.cleaned_data.get("region") if role == "supervisor" else None}


class PersonForm(_RoleFields):
    username = forms.CharField(label=_("用户名"), max_length=150, help_text=_("登录用，字母、数字和 @/./+/-/_"))
    name = forms.CharField(label=_("姓名"), max_length=150, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False, help_text=_("到期提醒发往此地址"))
    password = forms.CharField(label=_("初始密码"), required=False, strip=False,
                               widget=forms.PasswordInput(render_value=False,
                                                          attrs={"autocomplete": "new-password"}),
                               help_text=_("留空则生成一个，只显示一次"))
    field_order = ["username", "name", "email", "password", "role", "department", "region"]

    def __init__(self, *args, actor, **kwargs):
        self.optional_role = access.roles(actor).admin  # a supervisor's new account needs a department
        super().__init__(*args, actor=actor, **kwargs)


class RoleForm(_RoleFields):
    pass


class EditPersonForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=150, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)


# --- pages -----------------------------------------------------------------------------------------

PEOPLE_PER_PAGE = 50


def _manager(request: HttpRequest) -> None:
    _require(can_manage_people(request.user), _("管理人员"))


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # pages may hold a new password
    return response


def _subtree(region_id: int) -> set[int]:
    found = frontier = {region_id}
    while frontier:
        frontier = set(Region.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found = found | frontier
    return found


def _shown_roles(actor, member) -> list[Membership]:
    """The member's roles the actor may see: all for an admin, their departments' for a supervisor."""
    held = list(member.memberships.all())
    scope = department_scope(actor)
    return held if scope is None else [m for m in held if m.role == "reporter" and m.department_id in scope]


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    """Accounts with their roles; ?region= ?department= ?q= ?state=active|inactive filter the list."""
    _manager(request)
    actor = request.user
    people = visible_people(actor)
    regions = Region.objects.order_by("name")
    scope_regions = region_scope(actor)
    if scope_regions is not None:
        regions = regions.filter(pk__in=scope_regions)
    deps = Department.objects.select_related("region").order_by("region__name", "name")
    scope_deps = department_scope(actor)
    if scope_deps is not None:
        deps = deps.filter(pk__in=scope_deps)
    f = {k: request.GET.get(k, "").strip() for k in ("q", "region", "department", "state")}
    if f["q"]:
        people = people.filter(Q(username__icontains=f["q"]) | Q(first_name__icontains=f["q"])
                               | Q(email__icontains=f["q"]))
    if f["region"].isdigit() and regions.filter(pk=int(f["region"])).exists():
        sub = _subtree(int(f["region"]))
        people = people.filter(Q(memberships__department__region_id__in=sub) | Q(memberships__region_id__in=sub))
    if f["department"].isdigit():
        people = people.filter(memberships__role="reporter", memberships__department_id=int(f["department"]))
    if f["state"] in ("active", "inactive"):
        people = people.filter(is_active=f["state"] == "active")
    roles_qs = Membership.objects.select_related("region", "department__region").order_by("role", "pk")
    page = Paginator(people.distinct().order_by("username").prefetch_related(
        Prefetch("memberships", queryset=roles_qs)), PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"person": p, "roles": _shown_roles(actor, p)} for p in page]
    return _no_store(render(request, "duban/people.html", {
        "rows": rows, "page": page, "regions": regions, "departments": deps, "f": f,
        "query": urlencode({k: v for k, v in f.items() if v}),
    }))


@login_required
def person_add(request: HttpRequest) -> HttpResponse:
    """Create an account; a generated password is shown on this answer only."""
    _manager(request)
    form = PersonForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            member, generated = do_create_person(request.user, username=d["username"], name=d["name"],
                                                 email=d["email"], password=d["password"], **form.role_args())
        except Invalid as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, gettext("已创建账号 %(name)s") % {"name": member.get_username()})
            if not generated:
                return redirect("person", member.pk)
            return _render_person(request, member, new_password=generated)
    status = 400 if request.method == "POST" else 200
    return _no_store(render(request, "duban/people_add.html", {"form": form}, status=status))


def _render_person(request: HttpRequest, member, *, new_password: str = "", role_form: RoleForm | None = None,
                   edit_form: EditPersonForm | None = None, status: int = 200) -> HttpResponse:
    actor = request.user
    member = User.objects.prefetch_related(Prefetch(
        "memberships", queryset=Membership.objects.select_related("region", "department__region"))).get(pk=member.pk)
    manage = can_manage_account(actor, member)
    return _no_store(render(request, "duban/people_person.html", {
        "person": member, "roles_shown": [(m, can_change_role(actor, m.role, m.department))
                                          for m in _shown_roles(actor, member)],
        "manage": manage, "is_self": member.pk == actor.pk, "new_password": new_password,
        "role_form": role_form or RoleForm(actor=actor),
        "edit_form": edit_form or EditPersonForm(initial={"name": member.first_name, "email": member.email}),
    }, status=status))


@login_required
def person_view(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    return _render_person(request, get_person(request.user, pk))


def _person_post(request: HttpRequest, pk: int, run) -> HttpResponse:
    """Run one change on a person; errors come back as a message on their page."""
    _manager(request)
    member = get_person(request.user, pk)
    try:
        done = run(member)
    except Invalid as e:
        messages.error(request, str(e))
    else:
        if isinstance(done, HttpResponse):
            return done
        if done:
            messages.success(request, done)
    return redirect("person", member.pk)


@login_required
@require_POST
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    member = get_person(request.user, pk)
    form = EditPersonForm(request.POST)
    if not form.is_valid():
        return _render_person(request, member, edit_form=form, status=400)
    try:
        do_edit_person(request.user, member, name=form.cleaned_data["name"], email=form.cleaned_data["email"])
    except Invalid as e:
        form.add_error(None, str(e))
        return _render_person(request, member, edit_form=form, status=400)
    messages.success(request, gettext("已保存"))
    return redirect("person", member.pk)


@login_required
@require_POST
def person_role_add(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    member = get_person(request.user, pk)
    form = RoleForm(request.POST, actor=request.user)
    if not form.is_valid():
        return _render_person(request, member, role_form=form, status=400)
    try:
        do_give_role(request.user, member, **form.role_args())
    except Invalid as e:
        form.add_error(None, str(e))
        return _render_person(request, member, role_form=form, status=400)
    messages.success(request, gettext("已授予角色"))
    return redirect("person", member.pk)


@login_required
@require_POST
def person_role_remove(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    def run(member):
        m = Membership.objects.select_related("user", "region", "department__region").filter(
            pk=role_pk, user=member).first()
        if m is None:
            raise Http404("no such role")
        do_remove_role(request.user, m)
        return gettext("已取消角色")
    return _person_post(request, pk, run)


@login_required
@require_POST
def person_active(request: HttpRequest, pk: int) -> HttpResponse:
    active = request.POST.get("active") == "1"

    def run(member):
        do_set_active(request.user, member, active)
        return gettext("账号已启用") if active else gettext("账号已停用")
    return _person_post(request, pk, run)


@login_required
@require_POST
def person_password(request: HttpRequest, pk: int) -> HttpResponse:
    def run(member):
        return _render_person(request, member, new_password=do_reset_password(request.user, member))
    return _person_post(request, pk, run)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every logged-in user changes their own password here; the change is written to History."""

    template_name = "duban/password_change.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record(self.request.user, "change_password", self.request.user,
                   after={"username": self.request.user.get_username()})
        return response


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "duban/password_change_done.html"
