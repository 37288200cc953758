import pytest

from frontdoor.people.matching.generator import generate_population
from frontdoor.people.matching.model import train_model
from frontdoor.people.matching.resolver import Resolver


@pytest.fixture(scope="session")
def population():
    return generate_population(persons=4000, difficulty="hard", seed=3)


@pytest.fixture(scope="session")
def model(population):
    return train_model(population.index + population.queries, version="test")


@pytest.fixture(scope="session")
def resolver(model, population):
    return Resolver(model, population.index)
