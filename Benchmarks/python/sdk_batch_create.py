"""HubSpot's official Python client creating contacts the way its documentation shows: one batch of 100
after another through `crm.contacts.batch_api.create`. Prints `records=N seconds=S`.

Usage: sdk_batch_create.py BASE_URL TOKEN COUNT
"""
import sys
import time

from hubspot import HubSpot
from hubspot.crm.contacts import BatchInputSimplePublicObjectBatchInputForCreate, SimplePublicObjectInputForCreate


def main() -> None:
    base_url, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    client = HubSpot(access_token=token, host=base_url)
    start = time.monotonic()
    created = 0
    for first in range(0, count, 100):
        inputs = [SimplePublicObjectInputForCreate(properties={"email": f"sdk{i}@example.com", "firstname": f"S{i}"}, associations=[])
                  for i in range(first, min(count, first + 100))]
        answer = client.crm.contacts.batch_api.create(BatchInputSimplePublicObjectBatchInputForCreate(inputs=inputs))
        created += len(answer.results)
    print(f"records={created} seconds={time.monotonic() - start:.2f}")


if __name__ == "__main__":
    main()
