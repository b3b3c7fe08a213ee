"""HubSpot's official Python client (hubspot-api-client 12.x) against the hubsh sandbox.

Usage: official_client_check.py BASE_URL [TOKEN [EMPTY_BASE_URL]]

BASE_URL serves the demo account; EMPTY_BASE_URL a sandbox started with `--data empty` (its owners are checked).

The library is used as any user would: `hubspot.HubSpot(access_token=..., host=...)`. The `host` keyword is the
library's own way to point every generated API at another base URL (the discovery layer copies each keyword onto
each API's `Configuration`, and `Configuration.host` is the base path). `base_url` does the same for the generic
`client.api_request` helper. Nothing in the library is patched.

Each step is a function; a failing step prints `FAIL name: reason` and the run goes on. The last line is
`N passed, M failed`; the exit status is 1 when any step failed.
"""

import json
import sys
import time
import traceback
from datetime import datetime, timedelta, timezone

import hubspot
from hubspot.crm import contacts as c
from hubspot.crm import objects as o
from hubspot.crm import properties as props
from hubspot.crm import schemas as sch
from hubspot.crm.associations import v4 as a4

BASE_URL = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
TOKEN = sys.argv[2] if len(sys.argv) > 2 else "pat-na1-sandbox"
EMPTY_URL = sys.argv[3].rstrip("/") if len(sys.argv) > 3 else None
RUN = str(int(time.time() * 1000))  # keeps emails and names unique across runs on a --state sandbox

client = hubspot.HubSpot(access_token=TOKEN, host=BASE_URL, base_url=BASE_URL)
state = {}  # ids shared between steps
results = {"passed": 0, "failed": 0}


def step(fn):
    name = fn.__name__.replace("__", ".")
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - a check runner reports every failure and goes on
        results["failed"] += 1
        if getattr(e, "body", None) is not None and hasattr(e, "status"):  # the library's ApiException
            reason = f"HTTP {e.status} {e.reason}: {e.body}"
        else:
            reason = " ".join(str(e).split()) or type(e).__name__
        mine = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == __file__ and f.name != "check"]
        where = f" [line {mine[-1].lineno}]" if mine else ""
        print(f"FAIL {name}: {type(e).__name__}: {reason[:600]}{where}")
    else:
        results["passed"] += 1
        print(f"ok  {name}")
    sys.stdout.flush()


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def model(value, cls):
    """The library returns None (not an error) when the status code is not one it expects for the call."""
    check(isinstance(value, cls), f"expected a {cls.__name__}, got {type(value).__name__}: {value!r:.200}")
    return value


def email(tag):
    return f"{tag}.{RUN}@official-client.example"


def api_error(call, status):
    """Runs call, expects the library's ApiException with that status; returns the parsed HubSpot error body."""
    try:
        call()
    except Exception as e:  # each generated package has its own ApiException class
        got = getattr(e, "status", None)
        check(got == status, f"expected HTTP {status}, got {type(e).__name__} status={got}: {e}")
        body = json.loads(e.body)
        check(body.get("status") == "error", f"error body has no status=error: {body}")
        check(isinstance(body.get("category"), str), f"error body has no category: {body}")
        check(isinstance(body.get("message"), str), f"error body has no message: {body}")
        check(isinstance(body.get("correlationId"), str), f"error body has no correlationId: {body}")
        return e, body
    raise AssertionError(f"expected HTTP {status}, the call succeeded")


# -- contacts: basic API ------------------------------------------------------------------------------------------


def contacts__create():
    made = client.crm.contacts.basic_api.create(
        c.SimplePublicObjectInputForCreate(
            properties={"email": email("ada"), "firstname": "Ada", "lastname": "Lovelace"}
        )
    )
    made = model(made, c.SimplePublicObject)
    check(made.id and made.id.isdigit(), f"id {made.id!r}")
    check(made.properties["email"] == email("ada"), f"properties {made.properties}")
    check(made.properties["firstname"] == "Ada", f"properties {made.properties}")
    check(isinstance(made.created_at, datetime), f"created_at {made.created_at!r}")
    check(made.archived is False, f"archived {made.archived!r}")
    state["contact"] = made.id


def contacts__get_by_id():
    got = client.crm.contacts.basic_api.get_by_id(state["contact"], properties=["email", "firstname", "lastname"])
    got = model(got, c.SimplePublicObjectWithAssociations)
    check(got.id == state["contact"], f"id {got.id}")
    check(got.properties["lastname"] == "Lovelace", f"properties {got.properties}")
    check(got.properties.get("hs_object_id") == state["contact"], f"hs_object_id missing: {got.properties}")


def contacts__get_by_email():
    got = client.crm.contacts.basic_api.get_by_id(email("ada"), id_property="email", properties=["firstname"])
    got = model(got, c.SimplePublicObjectWithAssociations)
    check(got.id == state["contact"], f"id {got.id} != {state['contact']}")
    check(got.properties["firstname"] == "Ada", f"properties {got.properties}")


def contacts__update_by_email():
    up = client.crm.contacts.basic_api.update(
        email("ada"), c.SimplePublicObjectInput(properties={"phone": "+44 20 7946 0000"}), id_property="email"
    )
    up = model(up, c.SimplePublicObject)
    check(up.id == state["contact"], f"id {up.id} != {state['contact']}")
    check(up.properties["phone"] == "+44 20 7946 0000", f"properties {up.properties}")


def contacts__update():
    up = client.crm.contacts.basic_api.update(
        state["contact"], c.SimplePublicObjectInput(properties={"lastname": "King", "jobtitle": "Analyst"})
    )
    up = model(up, c.SimplePublicObject)
    check(up.properties["lastname"] == "King", f"properties {up.properties}")
    check(up.properties["jobtitle"] == "Analyst", f"properties {up.properties}")
    check(up.updated_at >= up.created_at, f"updated_at {up.updated_at} < created_at {up.created_at}")


def contacts__get_page():
    seen, after, pages = [], None, 0
    while True:
        page = client.crm.contacts.basic_api.get_page(limit=25, after=after, properties=["email"])
        page = model(page, c.CollectionResponseSimplePublicObjectWithAssociationsForwardPaging)
        check(len(page.results) <= 25, f"page of {len(page.results)} > limit 25")
        seen += [r.id for r in page.results]
        pages += 1
        check(pages < 500, "paging does not end")
        if page.paging is None or page.paging.next is None:
            break
        after = page.paging.next.after
    check(len(seen) == len(set(seen)), "a record came twice while paging")
    check(state["contact"] in seen, "the created contact was not on any page")
    check(pages > 1, f"demo data fits one page of 25 ({len(seen)} contacts): paging not exercised")
    state["contact_count"] = len(seen)


def contacts__get_all():
    everyone = client.crm.contacts.get_all(properties=["email"])
    check(len(everyone) == state["contact_count"], f"get_all gave {len(everyone)}, paging gave {state['contact_count']}")
    check(all(isinstance(r, c.SimplePublicObjectWithAssociations) for r in everyone), "get_all items are not models")
    few = client.crm.contacts.get_all(limit=7)
    check(len(few) == 7, f"get_all(limit=7) gave {len(few)}")


def contacts__archive():
    gone = model(
        client.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(properties={"email": email("gone")})),
        c.SimplePublicObject,
    )
    check(client.crm.contacts.basic_api.archive(gone.id) is None, "archive returned a body")
    api_error(lambda: client.crm.contacts.basic_api.get_by_id(gone.id), 404)
    back = client.crm.contacts.basic_api.get_by_id(gone.id, archived=True)
    back = model(back, c.SimplePublicObjectWithAssociations)
    check(back.archived is True and back.archived_at is not None, f"archived={back.archived} at={back.archived_at}")


# -- contacts: batch API ------------------------------------------------------------------------------------------


def batch__create():
    inputs = [
        c.SimplePublicObjectBatchInputForCreate(properties={"email": email(f"batch{i}"), "firstname": f"B{i}"}, associations=[])
        for i in range(3)
    ]
    res = client.crm.contacts.batch_api.create(c.BatchInputSimplePublicObjectBatchInputForCreate(inputs=inputs))
    res = model(res, c.BatchResponseSimplePublicObject)
    check(res.status == "COMPLETE", f"status {res.status}")
    check(len(res.results) == 3, f"{len(res.results)} results")
    check({r.properties["email"] for r in res.results} == {email(f"batch{i}") for i in range(3)}, "emails differ")
    check(isinstance(res.started_at, datetime) and isinstance(res.completed_at, datetime), "no started/completed")
    state["batch"] = sorted(r.id for r in res.results)


def batch__read():
    res = client.crm.contacts.batch_api.read(
        c.BatchReadInputSimplePublicObjectId(
            inputs=[c.SimplePublicObjectId(id=i) for i in state["batch"]],
            properties=["email", "firstname"],
            properties_with_history=[],
        )
    )
    res = model(res, c.BatchResponseSimplePublicObject)
    check(res.status == "COMPLETE", f"status {res.status}")
    check(sorted(r.id for r in res.results) == state["batch"], f"ids {[r.id for r in res.results]}")
    check(all(r.properties["firstname"].startswith("B") for r in res.results), "firstname missing")


def batch__read_by_email():
    res = client.crm.contacts.batch_api.read(
        c.BatchReadInputSimplePublicObjectId(
            id_property="email",
            inputs=[c.SimplePublicObjectId(id=email("batch0"))],
            properties=["firstname"],
            properties_with_history=[],
        )
    )
    res = model(res, c.BatchResponseSimplePublicObject)
    check([r.properties["firstname"] for r in res.results] == ["B0"], f"results {res.results}")


def batch__read_missing_207():
    res = client.crm.contacts.batch_api.read(
        c.BatchReadInputSimplePublicObjectId(
            inputs=[c.SimplePublicObjectId(id=state["batch"][0]), c.SimplePublicObjectId(id="999999999999")],
            properties=["email"],
            properties_with_history=[],
        )
    )
    res = model(res, c.BatchResponseSimplePublicObjectWithErrors)
    check(res.num_errors == 1, f"num_errors {res.num_errors}")
    check([r.id for r in res.results] == [state["batch"][0]], f"results {[r.id for r in res.results]}")
    err = model(res.errors[0], c.StandardError)
    check(err.status == "error" and err.category == "OBJECT_NOT_FOUND", f"error {err}")
    check("999999999999" in (err.context or {}).get("ids", []), f"context {err.context}")


def batch__update():
    res = client.crm.contacts.batch_api.update(
        c.BatchInputSimplePublicObjectBatchInput(
            inputs=[c.SimplePublicObjectBatchInput(id=i, properties={"lastname": "Batched"}) for i in state["batch"]]
        )
    )
    res = model(res, c.BatchResponseSimplePublicObject)
    check(res.status == "COMPLETE", f"status {res.status}")
    check(all(r.properties["lastname"] == "Batched" for r in res.results), "lastname not updated")


def batch__upsert():
    res = client.crm.contacts.batch_api.upsert(
        c.BatchInputSimplePublicObjectBatchInputUpsert(
            inputs=[
                c.SimplePublicObjectBatchInputUpsert(id=email("batch0"), id_property="email", properties={"jobtitle": "Upserted"}),
                c.SimplePublicObjectBatchInputUpsert(id=email("fresh"), id_property="email", properties={"firstname": "Fresh"}),
            ]
        )
    )
    check(res is not None, "library got no model (status not in its response map {200, 207})")
    check(res.status == "COMPLETE" and len(res.results) == 2, f"status {res.status}, {len(res.results)} results")
    old = [r for r in res.results if r.new is False]
    new = [r for r in res.results if r.new is True]
    check(len(old) == 1 and len(new) == 1, f"`new` flags {[r.new for r in res.results]}")
    check(old[0].id == state["batch"][0], f"existing email upserted into {old[0].id}, not {state['batch'][0]}")
    check(old[0].properties["jobtitle"] == "Upserted", f"properties {old[0].properties}")
    check(new[0].properties["firstname"] == "Fresh", f"properties {new[0].properties}")
    fresh = client.crm.contacts.basic_api.get_by_id(new[0].id, properties=["email"])
    check(fresh.properties["email"] == email("fresh"), f"new record's email {fresh.properties}")
    state["batch"].append(new[0].id)


def batch__archive():
    res = client.crm.contacts.batch_api.archive(
        c.BatchInputSimplePublicObjectId(inputs=[c.SimplePublicObjectId(id=i) for i in state["batch"]])
    )
    check(res is None, f"archive returned {res!r}")
    after = client.crm.contacts.batch_api.read(
        c.BatchReadInputSimplePublicObjectId(
            inputs=[c.SimplePublicObjectId(id=state["batch"][0])], properties=[], properties_with_history=[]
        )
    )
    check(isinstance(after, c.BatchResponseSimplePublicObjectWithErrors) and not after.results, f"still there: {after}")


# -- search -------------------------------------------------------------------------------------------------------


def search__filters():
    since = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    req = c.PublicObjectSearchRequest(
        filter_groups=[
            c.FilterGroup(
                filters=[
                    c.Filter(property_name="email", operator="EQ", value=email("ada")),
                    c.Filter(property_name="createdate", operator="GTE", value=since),
                ]
            ),
            c.FilterGroup(filters=[c.Filter(property_name="firstname", operator="CONTAINS_TOKEN", value="Ada")]),
        ],
        sorts=["-createdate"],
        properties=["email", "firstname", "lastname"],
        limit=10,
        after="0",
    )
    res = model(client.crm.contacts.search_api.do_search(req), c.CollectionResponseWithTotalSimplePublicObjectForwardPaging)
    check(res.total >= 1, f"total {res.total}")
    check(state["contact"] in [r.id for r in res.results], f"created contact not found: {[r.id for r in res.results]}")
    hit = next(r for r in res.results if r.id == state["contact"])
    check(hit.properties["lastname"] == "King", f"properties {hit.properties}")


def search__paging():
    req = dict(
        filter_groups=[c.FilterGroup(filters=[c.Filter(property_name="email", operator="HAS_PROPERTY")])],
        sorts=[{"propertyName": "createdate", "direction": "ASCENDING"}],
        properties=["email", "createdate"],
        limit=200,
    )
    seen, after, total = [], None, None
    for _ in range(60):
        res = client.crm.contacts.search_api.do_search(c.PublicObjectSearchRequest(after=after, **req))
        res = model(res, c.CollectionResponseWithTotalSimplePublicObjectForwardPaging)
        total = res.total
        seen += [r.id for r in res.results]
        if res.paging is None or res.paging.next is None:
            break
        after = res.paging.next.after
    check(len(seen) == len(set(seen)), "a record came twice while paging")
    check(len(seen) == total, f"paged {len(seen)} records, total says {total}")
    check(len(seen) > 200, f"only {len(seen)} hits: paging not exercised")


# -- associations v4 ----------------------------------------------------------------------------------------------


def _company():
    if "company" not in state:
        made = client.crm.companies.basic_api.create(
            hubspot.crm.companies.SimplePublicObjectInputForCreate(properties={"name": f"Analytical Engines {RUN}"})
        )
        state["company"] = model(made, hubspot.crm.companies.SimplePublicObject).id
    return state["company"]


def associations__create_default():
    res = client.crm.associations.v4.basic_api.create_default("contacts", state["contact"], "companies", _company())
    res = model(res, a4.BatchResponsePublicDefaultAssociation)
    check(res.status == "COMPLETE", f"status {res.status}")
    check(len(res.results) >= 1, "no results")
    r = res.results[0]
    check(str(r._from.id) == state["contact"] and str(r.to.id) == state["company"], f"result {r}")
    check(r.association_spec.association_category == "HUBSPOT_DEFINED", f"spec {r.association_spec}")


def associations__create_labelled():
    spec = a4.AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=279)  # contact -> company
    res = client.crm.associations.v4.basic_api.create("contacts", state["contact"], "companies", _company(), [spec])
    res = model(res, a4.LabelsBetweenObjectPair)
    check(str(res.from_object_id) == state["contact"] and str(res.to_object_id) == state["company"], f"ids {res}")
    check(res.from_object_type_id == "0-1" and res.to_object_type_id == "0-2", f"type ids {res}")
    check(isinstance(res.labels, list), f"labels {res.labels!r}")


def associations__get_page():
    page = client.crm.associations.v4.basic_api.get_page("contacts", state["contact"], "companies", limit=100)
    page = model(page, a4.CollectionResponseMultiAssociatedObjectWithLabelForwardPaging)
    hit = [r for r in page.results if str(r.to_object_id) == state["company"]]
    check(hit, f"company not associated: {[r.to_object_id for r in page.results]}")
    ids = {t.type_id for t in hit[0].association_types}
    check({279, 1} & ids, f"association types {hit[0].association_types}")


def associations__batch_create_read():
    company = _company()
    res = client.crm.associations.v4.batch_api.create(
        "contacts",
        "companies",
        a4.BatchInputPublicAssociationMultiPost(
            inputs=[
                a4.PublicAssociationMultiPost(
                    _from=a4.PublicObjectId(id=state["batch"][1] if "batch" in state else state["contact"]),
                    to=a4.PublicObjectId(id=company),
                    types=[a4.AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=279)],
                )
            ]
        ),
    )
    res = model(res, a4.BatchResponseLabelsBetweenObjectPair)
    check(res.status == "COMPLETE" and len(res.results) == 1, f"batch create {res.status} {res.results}")
    read = client.crm.associations.v4.batch_api.get_page(
        "contacts",
        "companies",
        a4.BatchInputPublicFetchAssociationsBatchRequest(inputs=[a4.PublicFetchAssociationsBatchRequest(id=state["contact"])]),
    )
    read = model(read, a4.BatchResponsePublicAssociationMultiWithLabel)
    check(read.status == "COMPLETE", f"status {read.status}")
    check(str(read.results[0]._from.id) == state["contact"], f"from {read.results[0]._from}")
    check(company in [str(t.to_object_id) for t in read.results[0].to], f"to {read.results[0].to}")


def associations__archive():
    res = client.crm.associations.v4.basic_api.archive("contacts", state["contact"], "companies", _company())
    check(res is None, f"archive returned {res!r}")
    page = client.crm.associations.v4.basic_api.get_page("contacts", state["contact"], "companies")
    page = model(page, a4.CollectionResponseMultiAssociatedObjectWithLabelForwardPaging)
    check(state["company"] not in [str(r.to_object_id) for r in page.results], "still associated")


# -- properties, owners, pipelines --------------------------------------------------------------------------------


def properties__get_all():
    res = model(client.crm.properties.core_api.get_all("contacts"), props.CollectionResponsePropertyNoPaging)
    names = {p.name for p in res.results}
    check({"email", "firstname", "lastname", "createdate"} <= names, f"missing standard properties ({len(names)})")
    check(all(isinstance(p, props.ModelProperty) for p in res.results), "items are not ModelProperty")


def properties__get_by_name():
    p = model(client.crm.properties.core_api.get_by_name("contacts", "email"), props.ModelProperty)
    check(p.name == "email" and p.type == "string" and p.field_type == "text", f"{p.name} {p.type} {p.field_type}")
    check(p.group_name == "contactinformation", f"group {p.group_name}")


def properties__create():
    name = f"favorite_engine_{RUN}"
    made = client.crm.properties.core_api.create(
        "contacts",
        props.PropertyCreate(
            name=name,
            label="Favorite engine",
            type="enumeration",
            field_type="select",
            group_name="contactinformation",
            options=[
                props.OptionInput(label="Difference", value="difference", display_order=0, hidden=False),
                props.OptionInput(label="Analytical", value="analytical", display_order=1, hidden=False),
            ],
        ),
    )
    made = model(made, props.ModelProperty)
    check(made.name == name and made.type == "enumeration", f"{made.name} {made.type}")
    check([o.value for o in made.options] == ["difference", "analytical"], f"options {made.options}")
    up = client.crm.contacts.basic_api.update(state["contact"], c.SimplePublicObjectInput(properties={name: "analytical"}))
    check(model(up, c.SimplePublicObject).properties[name] == "analytical", f"value {up.properties}")


def properties__groups_get_all():
    res = model(client.crm.properties.groups_api.get_all("contacts"), props.CollectionResponsePropertyGroupNoPaging)
    check("contactinformation" in {g.name for g in res.results}, f"groups {[g.name for g in res.results]}")


def owners__get_page():
    res = model(client.crm.owners.owners_api.get_page(limit=100), hubspot.crm.owners.CollectionResponsePublicOwnerForwardPaging)
    check(res.results, "no owners")
    first = res.results[0]
    check(first.id and "@" in first.email and first.type in ("PERSON", "QUEUE"), f"owner {first}")
    one = client.crm.owners.owners_api.get_by_id(int(first.id))
    check(model(one, hubspot.crm.owners.PublicOwner).email == first.email, "get_by_id differs")


def owners__empty_account():
    # A real account always holds its users as owners, so `--data empty` must list at least one, and a
    # record can be assigned to it.
    check(EMPTY_URL, "no empty sandbox given (third argument)")
    empty = hubspot.HubSpot(access_token=TOKEN, host=EMPTY_URL, base_url=EMPTY_URL)
    res = model(empty.crm.owners.owners_api.get_page(limit=100), hubspot.crm.owners.CollectionResponsePublicOwnerForwardPaging)
    check(res.results, "the empty account lists no owners")
    owner = res.results[0]
    made = empty.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(
        properties={"email": f"owned{RUN}@example.com", "hubspot_owner_id": owner.id}))
    check(made.properties.get("hubspot_owner_id") == owner.id, f"owner not assigned: {made.properties}")


def pipelines__get_all():
    res = model(client.crm.pipelines.pipelines_api.get_all("deals"), hubspot.crm.pipelines.CollectionResponsePipelineNoPaging)
    default = [p for p in res.results if p.id == "default"]
    check(default, f"no default pipeline: {[p.id for p in res.results]}")
    stages = {s.id for s in default[0].stages}
    check({"appointmentscheduled", "closedwon", "closedlost"} <= stages, f"stages {stages}")


# -- custom objects -----------------------------------------------------------------------------------------------


def schemas__create_and_crud():
    name = f"engine_{RUN}"
    schema = client.crm.schemas.core_api.create(
        sch.ObjectSchemaEgg(
            name=name,
            labels=sch.ObjectTypeDefinitionLabels(singular="Engine", plural="Engines"),
            primary_display_property="model",
            required_properties=["model"],
            searchable_properties=["model"],
            secondary_display_properties=[],
            associated_objects=["CONTACT"],
            properties=[
                sch.ObjectTypePropertyCreate(name="model", label="Model", type="string", field_type="text"),
                sch.ObjectTypePropertyCreate(name="cogs", label="Cogs", type="number", field_type="number"),
            ],
        )
    )
    schema = model(schema, sch.ObjectSchema)
    check(schema.object_type_id.startswith("2-"), f"objectTypeId {schema.object_type_id}")
    check(schema.name == name and schema.fully_qualified_name, f"{schema.name} {schema.fully_qualified_name}")
    check({"model", "cogs"} <= {p.name for p in schema.properties}, f"properties {[p.name for p in schema.properties]}")
    t = schema.object_type_id
    api = client.crm.objects.basic_api
    made = model(api.create(t, o.SimplePublicObjectInputForCreate(properties={"model": "No. 2", "cogs": "2500"})), o.SimplePublicObject)
    got = model(api.get_by_id(t, made.id, properties=["model", "cogs"]), o.SimplePublicObjectWithAssociations)
    check(got.properties["model"] == "No. 2" and got.properties["cogs"] == "2500", f"properties {got.properties}")
    up = model(api.update(t, made.id, o.SimplePublicObjectInput(properties={"cogs": "4000"})), o.SimplePublicObject)
    check(up.properties["cogs"] == "4000", f"properties {up.properties}")
    page = model(api.get_page(t, properties=["model"]), o.CollectionResponseSimplePublicObjectWithAssociationsForwardPaging)
    check(made.id in [r.id for r in page.results], "not listed")
    check(api.archive(t, made.id) is None, "archive returned a body")
    api_error(lambda: api.get_by_id(t, made.id), 404)


# -- errors -------------------------------------------------------------------------------------------------------


def errors__not_found_404():
    e, body = api_error(lambda: client.crm.contacts.basic_api.get_by_id("999999999999"), 404)
    check(isinstance(e, c.ApiException), f"{type(e)} is not hubspot.crm.contacts.ApiException")
    check(body["category"] == "OBJECT_NOT_FOUND", f"category {body['category']}")


def errors__duplicate_email_409():
    e, body = api_error(
        lambda: client.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(properties={"email": email("ada")})),
        409,
    )
    check(body["category"] == "CONFLICT", f"category {body['category']}")
    check(f"Existing ID: {state['contact']}" in body["message"], f"message {body['message']}")


def errors__unknown_property_400():
    e, body = api_error(
        lambda: client.crm.contacts.basic_api.update(state["contact"], c.SimplePublicObjectInput(properties={"no_such_prop": "x"})),
        400,
    )
    check(body["category"] == "VALIDATION_ERROR", f"category {body['category']}")
    check(any(d.get("name") == "no_such_prop" for d in body.get("errors", [])) or "no_such_prop" in body["message"], f"body {body}")


def errors__bad_token_401():
    bad = hubspot.HubSpot(access_token="pat-na1-wrong", host=BASE_URL)
    e, body = api_error(lambda: bad.crm.contacts.basic_api.get_page(limit=1), 401)
    check(isinstance(e, c.exceptions.UnauthorizedException), f"{type(e).__name__}")
    check(body["category"] == "INVALID_AUTHENTICATION", f"category {body['category']}")


# -- token --------------------------------------------------------------------------------------------------------


def token__private_app_info():
    # hubspot-api-client 12.x has no generated API for private-app token info (oauth.access_tokens_api is for OAuth
    # tokens only), so this uses the library's documented generic helper, client.api_request.
    res = client.api_request(
        {"method": "POST", "path": "/oauth/v2/private-apps/get/access-token-info", "body": {"tokenKey": TOKEN}}
    )
    check(res.status_code == 200, f"HTTP {res.status_code}: {res.text[:200]}")
    info = res.json()
    check(isinstance(info.get("hubId"), int) and isinstance(info.get("scopes"), list), f"info {info}")


# -- more of the library's surface --------------------------------------------------------------------------------


def contacts__create_with_association():
    made = client.crm.contacts.basic_api.create(
        c.SimplePublicObjectInputForCreate(
            properties={"email": email("assoc")},
            associations=[
                c.PublicAssociationsForObject(
                    to=c.PublicObjectId(id=_company()),
                    types=[c.AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=279)],
                )
            ],
        )
    )
    made = model(made, c.SimplePublicObject)
    got = client.crm.contacts.basic_api.get_by_id(made.id, associations=["companies"])
    got = model(got, c.SimplePublicObjectWithAssociations)
    check(got.associations and "companies" in got.associations, f"associations {got.associations}")
    check(_company() in [r.id for r in got.associations["companies"].results], f"{got.associations['companies']}")
    state["assoc_contact"] = made.id


def contacts__merge():
    a = model(client.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(properties={"email": email("m1")})), c.SimplePublicObject)
    b = model(client.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(properties={"email": email("m2")})), c.SimplePublicObject)
    merged = client.crm.contacts.basic_api.merge(c.PublicMergeInput(primary_object_id=a.id, object_id_to_merge=b.id))
    merged = model(merged, c.SimplePublicObject)
    check(merged.id == a.id, f"merged id {merged.id}, primary {a.id}")
    # HubSpot: a merged-away id still works with a single PATCH and lands on the primary record.
    via_old = model(client.crm.contacts.basic_api.update(b.id, c.SimplePublicObjectInput(properties={"jobtitle": "Merged"})), c.SimplePublicObject)
    check(via_old.id == a.id, f"PATCH of the merged-away id {b.id} landed on {via_old.id}, not the primary {a.id}")


def contacts__gdpr_purge():
    made = model(client.crm.contacts.basic_api.create(c.SimplePublicObjectInputForCreate(properties={"email": email("gdpr")})), c.SimplePublicObject)
    res = client.crm.contacts.basic_api.purge(c.PublicGdprDeleteInput(object_id=email("gdpr"), id_property="email"))
    check(res is None, f"purge returned {res!r}")
    api_error(lambda: client.crm.contacts.basic_api.get_by_id(made.id), 404)


def search__query():
    req = c.PublicObjectSearchRequest(query=f"ada.{RUN}", properties=["email"], limit=5)
    res = model(client.crm.contacts.search_api.do_search(req), c.CollectionResponseWithTotalSimplePublicObjectForwardPaging)
    check([r.id for r in res.results] == [state["contact"]], f"query hits {[r.id for r in res.results]}")


def associations__labels():
    from hubspot.crm.associations.v4 import schema as defs
    made = client.crm.associations.v4.schema.definitions_api.create(
        "contacts", "companies", defs.PublicAssociationDefinitionCreateRequest(name=f"founder_{RUN}", label="Founder")
    )
    made = model(made, defs.CollectionResponseAssociationSpecWithLabelNoPaging)
    label = [d for d in made.results if d.label == "Founder"]
    check(label and label[0].category == "USER_DEFINED", f"definitions {made.results}")
    all_defs = model(client.crm.associations.v4.schema.definitions_api.get_all("contacts", "companies"), defs.CollectionResponseAssociationSpecWithLabelNoPaging)
    check(label[0].type_id in [d.type_id for d in all_defs.results], "new label not listed")
    spec = a4.AssociationSpec(association_category="USER_DEFINED", association_type_id=label[0].type_id)
    res = model(client.crm.associations.v4.basic_api.create("contacts", state["contact"], "companies", _company(), [spec]), a4.LabelsBetweenObjectPair)
    check("Founder" in (res.labels or []), f"labels {res.labels}")
    page = model(client.crm.associations.v4.basic_api.get_page("contacts", state["contact"], "companies"), a4.CollectionResponseMultiAssociatedObjectWithLabelForwardPaging)
    types = [t for r in page.results for t in r.association_types]
    check(any(t.label == "Founder" and t.category == "USER_DEFINED" for t in types), f"types {types}")


def associations__batch_archive():
    res = client.crm.associations.v4.batch_api.archive(
        "contacts",
        "companies",
        a4.BatchInputPublicAssociationMultiArchive(
            inputs=[a4.PublicAssociationMultiArchive(_from=a4.PublicObjectId(id=state["contact"]), to=[a4.PublicObjectId(id=_company())])]
        ),
    )
    check(res is None, f"archive returned {res!r}")
    page = model(client.crm.associations.v4.basic_api.get_page("contacts", state["contact"], "companies"), a4.CollectionResponseMultiAssociatedObjectWithLabelForwardPaging)
    check(not page.results, f"still associated: {page.results}")


def properties__update_archive_groups():
    group = client.crm.properties.groups_api.create("contacts", props.PropertyGroupCreate(name=f"engines_{RUN}", label="Engines", display_order=-1))
    check(model(group, props.PropertyGroup).name == f"engines_{RUN}", f"group {group}")
    name = f"gears_{RUN}"
    made = client.crm.properties.core_api.create(
        "contacts", props.PropertyCreate(name=name, label="Gears", type="number", field_type="number", group_name=f"engines_{RUN}")
    )
    check(model(made, props.ModelProperty).group_name == f"engines_{RUN}", f"group {made.group_name}")
    up = model(client.crm.properties.core_api.update("contacts", name, props.PropertyUpdate(label="Gear count")), props.ModelProperty)
    check(up.label == "Gear count", f"label {up.label}")
    check(client.crm.properties.core_api.archive("contacts", name) is None, "archive returned a body")
    api_error(lambda: client.crm.properties.core_api.get_by_name("contacts", name), 404)


def owners__get_by_user_id():
    first = client.crm.owners.owners_api.get_page(limit=1).results[0]
    one = model(client.crm.owners.owners_api.get_by_id(first.user_id, id_property="userId"), hubspot.crm.owners.PublicOwner)
    check(one.id == first.id, f"owner {one.id} != {first.id}")
    by_mail = client.crm.owners.owners_api.get_page(email=first.email)
    check([x.id for x in by_mail.results] == [first.id], f"by email {[x.id for x in by_mail.results]}")


def pipelines__get_by_id_and_stages():
    p = model(client.crm.pipelines.pipelines_api.get_by_id("deals", "default"), hubspot.crm.pipelines.Pipeline)
    check(p.label and p.stages, f"pipeline {p.id}")
    stages = client.crm.pipelines.pipeline_stages_api.get_all("deals", "default")
    stages = model(stages, hubspot.crm.pipelines.CollectionResponsePipelineStageNoPaging)
    check([s.id for s in stages.results] == [s.id for s in p.stages], "stages differ")
    deal = client.crm.deals.basic_api.create(
        hubspot.crm.deals.SimplePublicObjectInputForCreate(
            properties={"dealname": f"Engine {RUN}", "pipeline": "default", "dealstage": "closedwon", "amount": "1843"}
        )
    )
    deal = model(deal, hubspot.crm.deals.SimplePublicObject)
    check(deal.properties["dealstage"] == "closedwon", f"properties {deal.properties}")


def schemas__get_all_and_search():
    all_schemas = model(client.crm.schemas.core_api.get_all(), sch.CollectionResponseObjectSchemaNoPaging)
    mine = [x for x in all_schemas.results if x.name == f"engine_{RUN}"]
    check(mine, f"schemas {[x.name for x in all_schemas.results]}")
    t = mine[0].object_type_id
    one = model(client.crm.schemas.core_api.get_by_id(t), sch.ObjectSchema)
    check(one.object_type_id == t, f"{one.object_type_id}")
    model(client.crm.objects.basic_api.create(t, o.SimplePublicObjectInputForCreate(properties={"model": "Analytical"})), o.SimplePublicObject)
    res = client.crm.objects.search_api.do_search(
        t,
        o.PublicObjectSearchRequest(filter_groups=[o.FilterGroup(filters=[o.Filter(property_name="model", operator="EQ", value="Analytical")])], properties=["model"]),
    )
    res = model(res, o.CollectionResponseWithTotalSimplePublicObjectForwardPaging)
    check(res.total == 1 and res.results[0].properties["model"] == "Analytical", f"hits {res.results}")


def batch__update_missing_207():
    res = client.crm.contacts.batch_api.update(
        c.BatchInputSimplePublicObjectBatchInput(
            inputs=[
                c.SimplePublicObjectBatchInput(id=state["contact"], properties={"jobtitle": "Partly"}),
                c.SimplePublicObjectBatchInput(id="999999999999", properties={"jobtitle": "Nobody"}),
            ]
        )
    )
    res = model(res, c.BatchResponseSimplePublicObjectWithErrors)
    check(res.num_errors == 1 and [r.id for r in res.results] == [state["contact"]], f"{res.num_errors} {res.results}")
    check(res.errors[0].category == "OBJECT_NOT_FOUND", f"error {res.errors[0]}")


def batch__create_trace_ids_207():
    res = client.crm.contacts.batch_api.create(
        c.BatchInputSimplePublicObjectBatchInputForCreate(
            inputs=[
                c.SimplePublicObjectBatchInputForCreate(properties={"email": email("traced")}, associations=[], object_write_trace_id="t-ok"),
                c.SimplePublicObjectBatchInputForCreate(properties={"no_such_prop": "x"}, associations=[], object_write_trace_id="t-bad"),
            ]
        )
    )
    res = model(res, c.BatchResponseSimplePublicObjectWithErrors)
    check(res.num_errors == 1 and len(res.results) == 1, f"{res.num_errors} errors, {len(res.results)} results")
    check(res.results[0].properties["email"] == email("traced"), f"result {res.results[0].properties}")
    check((res.errors[0].context or {}).get("objectWriteTraceId") == ["t-bad"], f"context {res.errors[0].context}")


def associations__batch_read_missing_207():
    read = client.crm.associations.v4.batch_api.get_page(
        "contacts",
        "companies",
        a4.BatchInputPublicFetchAssociationsBatchRequest(
            inputs=[a4.PublicFetchAssociationsBatchRequest(id=state["assoc_contact"]), a4.PublicFetchAssociationsBatchRequest(id="999999999999")]
        ),
    )
    read = model(read, a4.BatchResponsePublicAssociationMultiWithLabelWithErrors)
    check(read.num_errors == 1, f"num_errors {read.num_errors}")
    check([str(r._from.id) for r in read.results] == [state["assoc_contact"]], f"results {read.results}")


def errors__search_too_many_filters_400():
    groups = [c.FilterGroup(filters=[c.Filter(property_name="firstname", operator="EQ", value=str(i)) for i in range(7)])]
    e, body = api_error(lambda: client.crm.contacts.search_api.do_search(c.PublicObjectSearchRequest(filter_groups=groups)), 400)
    check(body["category"] == "VALIDATION_ERROR", f"category {body['category']}")


STEPS = [
    contacts__create,
    contacts__get_by_id,
    contacts__get_by_email,
    contacts__update_by_email,
    contacts__update,
    contacts__get_page,
    contacts__get_all,
    contacts__archive,
    batch__create,
    batch__read,
    batch__read_by_email,
    batch__read_missing_207,
    batch__update,
    batch__upsert,
    search__filters,
    search__paging,
    associations__create_default,
    associations__create_labelled,
    associations__get_page,
    associations__batch_create_read,
    associations__archive,
    batch__archive,
    properties__get_all,
    properties__get_by_name,
    properties__create,
    properties__groups_get_all,
    owners__get_page,
    owners__empty_account,
    pipelines__get_all,
    schemas__create_and_crud,
    contacts__create_with_association,
    contacts__merge,
    contacts__gdpr_purge,
    search__query,
    associations__labels,
    associations__batch_archive,
    properties__update_archive_groups,
    owners__get_by_user_id,
    pipelines__get_by_id_and_stages,
    schemas__get_all_and_search,
    batch__update_missing_207,
    batch__create_trace_ids_207,
    associations__batch_read_missing_207,
    errors__search_too_many_filters_400,
    errors__not_found_404,
    errors__duplicate_email_409,
    errors__unknown_property_400,
    errors__bad_token_401,
    token__private_app_info,
]

if __name__ == "__main__":
    for s in STEPS:
        step(s)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)
