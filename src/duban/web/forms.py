"""Forms: they parse and validate what people type; the actions decide what is allowed."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from duban.web.models import Department, Item, Region, Report, Section, Verdict


class UploadForm(forms.Form):
    region = forms.ModelChoiceField(queryset=Region.objects.none(), label=_("地区"))
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1949, max_value=2100,
                              help_text=_("留空则从正文识别"))
    kind = forms.ChoiceField(choices=Report.KINDS, label=_("类型"))
    title = forms.CharField(label=_("标题"), required=False, max_length=300)
    file = forms.FileField(label=_("文件"), required=False,
                           help_text=_("txt、html、pdf 或 docx"))
    # strip=False: the text is stored as pasted, so a paste and the same file as bytes get one checksum
    text = forms.CharField(label=_("或粘贴正文"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 8}))
    publish = forms.BooleanField(label=_("立即公开"), required=False)

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions if regions is not None else Region.objects.all()

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if f is None:
            return None
        limit = settings.DUBAN_MAX_UPLOAD_BYTES
        if f.size > limit:
            raise forms.ValidationError(_("文件过大（%(size)s 字节，上限 %(limit)s 字节）"),
                                        params={"size": f.size, "limit": limit})
        if Path(f.name).suffix.lower() not in settings.DUBAN_UPLOAD_TYPES:
            raise forms.ValidationError(_("不支持的文件类型：%(name)s"), params={"name": f.name})
        return f

    def clean_text(self) -> str:
        # browsers send a textarea's line breaks as CRLF whatever was pasted (HTML form encoding);
        # the textarea itself held LF, as a file saved from it would
        return (self.cleaned_data.get("text") or "").replace("\r\n", "\n")

    def clean(self):
        data = super().clean()
        has_file, has_text = bool(data.get("file")), bool((data.get("text") or "").strip())
        if has_file == has_text:
            raise forms.ValidationError(_("请上传一个文件或粘贴正文（二选一）"))
        return data


class ItemForm(forms.Form):
    """Edit or add an item. ``version`` is the version the editor saw (optimistic concurrency)."""

    kind = forms.ChoiceField(choices=Item.KINDS, label=_("类别"))
    indicator = forms.CharField(max_length=500, label=_("指标/任务"))
    canonical = forms.CharField(max_length=100, required=False, label=_("标准指标"))
    cmp = forms.ChoiceField(choices=[("", "—"), *Item.CMPS], required=False, label=_("比较"))
    low = forms.FloatField(required=False, label=_("下限/数值"))
    high = forms.FloatField(required=False, label=_("上限"))
    unit = forms.CharField(max_length=30, required=False, label=_("单位"))
    period = forms.CharField(max_length=20, required=False, label=_("期限"))
    section = forms.ModelChoiceField(queryset=Section.objects.none(), required=False, label=_("所属部分"))
    quote = forms.CharField(required=False, label=_("原文引用"), widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("原文中的一段话，用于定位"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = report.sections.all()

    def changes(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("kind", "indicator", "canonical", "cmp", "low", "high", "unit",
                                                  "period", "section")}


class AssignForm(forms.Form):
    items = forms.ModelMultipleChoiceField(queryset=Item.objects.none(), label=_("事项"))
    lead = forms.ModelChoiceField(queryset=Department.objects.none(), label=_("牵头单位"))
    co_units = forms.ModelMultipleChoiceField(queryset=Department.objects.none(), required=False,
                                              label=_("责任单位"))
    deadline_phrase = forms.CharField(max_length=50, required=False, label=_("完成时限"),
                                      help_text=_("如：年底前、三季度、2021年6月底前"))
    deadline = forms.DateField(required=False, label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"}))
    deadline_from_text = forms.BooleanField(required=False, initial=True, label=_("未填时限时按原文时限"),
                                            help_text=_("每项采用原文中写明的时限（如“年底前完成”）"))

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = report.items.exclude(status="rejected")
        deps = Department.objects.filter(region__in=report.region.ancestors())
        self.fields["lead"].queryset = deps
        self.fields["co_units"].queryset = deps


class UpdateForm(forms.Form):
    value = forms.FloatField(required=False, label=_("完成值"))
    percent = forms.FloatField(required=False, min_value=0, max_value=100, label=_("完成进度%"))
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("进展情况"))
    evidence_url = forms.URLField(required=False, label=_("佐证链接"), assume_scheme="https")
    evidence_file = forms.FileField(required=False, label=_("佐证材料"))
    draft = forms.BooleanField(required=False, label=_("存为草稿"))

    def clean_evidence_file(self):
        f = self.cleaned_data.get("evidence_file")
        if f is not None and f.size > settings.DUBAN_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件过大"))
        return f


class ReviewForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("审核意见"))


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(choices=Verdict.VERDICTS, label=_("结论"))
    reason = forms.CharField(required=False, max_length=1000, label=_("理由"))


class ImportForm(forms.Form):
    """An edited task table (任务分解表) to apply to a report: the xlsx or csv as exported."""

    file = forms.FileField(label=_("任务分解表"), help_text=_("导出的 xlsx 或 csv，修改后导入；重复导入不会重复记录"))

    def clean_file(self):
        from duban.web.exchange import MAX_IMPORT_BYTES

        f = self.cleaned_data["file"]
        if f.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("文件过大（%(size)s 字节，上限 %(limit)s 字节）"),
                                        params={"size": f.size, "limit": MAX_IMPORT_BYTES})
        if Path(f.name).suffix.lower() not in (".xlsx", ".csv"):
            raise forms.ValidationError(_("不支持的文件类型：%(name)s"), params={"name": f.name})
        return f
