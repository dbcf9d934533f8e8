"""The organiser's side of check-in: door staff and devices, the scan log, and name badges to print."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.checkin import ConfirmForm, DeviceForm, StaffForm
from ...forms.recipe import perform, submit
from ...models.checkin import DeviceKind
from ...permissions import guard
from ...services.audit import trail as audit
from ...services.checkin import lists as checkin_lists
from ...services.checkin import scan as checkin
from ...services.checkin import staff as checkin_staff
from ...services.events.lookup import load_event
from ...services.paging import PageRequest

bp = Blueprint("checkin_admin", __name__, url_prefix="/events/<int:event_id>/checkin")


def _staff_page(event, *, staff_form=None, device_form=None, new_token=None, new_link=None, status=200):
    devices = checkin_staff.devices_of(event)
    return render_template(
        "checkin/staff.html", event=event, staff_form=staff_form or StaffForm(prefix="staff"),
        device_form=device_form or DeviceForm(prefix="device"), confirm_form=ConfirmForm(), new_token=new_token,
        new_link=new_link, devices=devices, last_scan=checkin_lists.last_scan_by_device(event),
        DeviceKind=DeviceKind, counts=checkin.counts(event),
    ), status


@bp.get("/staff")
@guard("checkin.manage", event=load_event)
def staff(event):
    return _staff_page(event)


@bp.post("/staff")
@guard("checkin.manage", event=load_event)
def add_staff(event):
    form = StaffForm(prefix="staff")
    if outcome := submit(form, lambda: checkin_staff.add_staff(event, email=form.email.data, name=form.name.data,
                                                               by=current_user),
                         success=lambda device: _("%(name)s may now check people in. Send them the link below.",
                                                  name=device.name),
                         error_field="email"):
        device = outcome.result
        return _staff_page(event, new_link=(device.name, checkin_staff.invitation_link(device)))
    return _staff_page(event, staff_form=form, status=400)


@bp.post("/devices")
@guard("checkin.manage", event=load_event)
def add_device(event):
    form = DeviceForm(prefix="device")
    if form.validate_on_submit():
        try:
            device, token = checkin_staff.issue_device(event, name=form.name.data, by=current_user)
        except DomainError as error:
            db.session.rollback()
            form.show_error(error, "name")
        else:
            db.session.commit()
            return _staff_page(event, new_token=(device.name, token))
    return _staff_page(event, device_form=form, status=400)


@bp.post("/staff/<int:device_id>/link")
@guard("checkin.manage", event=load_event)
def staff_link(event, device_id):
    """A fresh invitation link for a staff member (the old ones keep working until they expire or are revoked)."""
    device = next((d for d in checkin_staff.devices_of(event) if d.id == device_id and d.user is not None
                   and d.is_active and d.kind == DeviceKind.STAFF), None)
    if device is None or not ConfirmForm().validate_on_submit():
        flash(_("No such staff member."), "error")
        return redirect(url_for("checkin_admin.staff", event_id=event.id))
    return _staff_page(event, new_link=(device.name, checkin_staff.invitation_link(device)))


@bp.post("/devices/<int:device_id>/revoke")
@guard("checkin.manage", event=load_event)
def revoke(event, device_id):
    if ConfirmForm().validate_on_submit():
        perform(lambda: checkin_staff.revoke(event, device_id, by=current_user),
                success=lambda device: _("%(name)s can no longer check people in.", name=device.name), category="info")
    return redirect(url_for("checkin_admin.staff", event_id=event.id))


@bp.get("/log")
@guard("checkin.manage", event=load_event)
def log(event):
    result = request.args.get("result", "")
    result = result if result in checkin.RESULT_LABELS else ""
    page, by_result = checkin_lists.scan_log_page(event, result=result, request=PageRequest.from_args(request.args))
    return render_template("checkin/log.html", event=event, entries=page.items, page=page, by_result=by_result,
                           result=result, counts=checkin.counts(event), result_labels=checkin.RESULT_LABELS)


@bp.get("/badges")
@guard("checkin.manage", event=load_event)
def badges(event):
    attendees = checkin_lists.badge_list(event)
    audit.record_export(current_user, "badges", rows=len(attendees), subject=event)
    return render_template("checkin/badges.html", event=event, attendees=attendees,
                           type_label=checkin.attendee_type_label)
