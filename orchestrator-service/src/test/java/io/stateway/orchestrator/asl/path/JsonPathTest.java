package io.stateway.orchestrator.asl.path;

import static io.stateway.orchestrator.asl.TestScopes.input;
import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.TestScopes.scope;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.asl.EvaluationScope;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonPathTest {

    private static final EvaluationScope STORE = input("""
            {"store": {
               "book": [
                 {"title": "Dune", "price": 9, "tags": ["sf"]},
                 {"title": "Emma", "price": 12.5, "isbn": "0-1"},
                 {"title": "Ulysses", "price": 20, "isbn": "0-2", "tags": ["classic", "long"]}
               ],
               "bicycle": {"color": "red", "price": 19.95}},
             "nothing": null,
             "a b": 1,
             "empty": []}
            """);

    private static Optional<JsonNode> read(String path, EvaluationScope scope) {
        return JsonPath.compile(path).read(scope);
    }

    @Test
    void read_rootOnly_returnsTheWholeInput() {
        assertThat(read("$", input("[1,2]"))).contains(json("[1,2]"));
    }

    @Test
    void read_dotNotation_returnsNestedValue() {
        assertThat(read("$.store.bicycle.color", STORE)).contains(json("\"red\""));
    }

    @Test
    void read_bracketNotation_readsNamesWithBlanks() {
        assertThat(read("$['a b']", STORE)).contains(json("1"));
        assertThat(read("$.['a b']", STORE)).contains(json("1"));
    }

    @Test
    void read_quotedNameWithBackslashes_matchesTheKeyVerbatim() {
        EvaluationScope scope = input("""
                {"a\\\\\\"b\\"c": 1, "it's": 2}
                """);

        assertThat(read("$['a\\\"b\"c']", scope)).contains(json("1"));
        assertThat(read("$[\"it's\"]", scope)).contains(json("2"));
        assertThat(read("$['it\\'s']", scope)).isEmpty();
    }

    @Test
    void read_propertyHoldingNull_returnsJsonNull() {
        assertThat(read("$.nothing", STORE)).contains(json("null"));
    }

    @Test
    void read_missingProperty_findsNothing() {
        assertThat(read("$.missing", STORE)).isEmpty();
        assertThat(read("$.store.missing.deeper", STORE)).isEmpty();
        assertThat(read("$.store.bicycle.color.length", STORE)).isEmpty();
    }

    @Test
    void read_index_countsNegativeIndexesFromTheEnd() {
        assertThat(read("$.store.book[0].title", STORE)).contains(json("\"Dune\""));
        assertThat(read("$.store.book[-1].title", STORE)).contains(json("\"Ulysses\""));
        assertThat(read("$.store.book[3]", STORE)).isEmpty();
        assertThat(read("$.store.book[-4]", STORE)).isEmpty();
    }

    @Test
    void read_slices_followJaywayBounds() {
        assertThat(read("$.store.book[1:].title", STORE)).contains(json("[\"Emma\",\"Ulysses\"]"));
        assertThat(read("$.store.book[:1].title", STORE)).contains(json("[\"Dune\"]"));
        assertThat(read("$.store.book[0:2].title", STORE)).contains(json("[\"Dune\",\"Emma\"]"));
        assertThat(read("$.store.book[-2:].title", STORE)).contains(json("[\"Emma\",\"Ulysses\"]"));
        assertThat(read("$.store.book[:-1].title", STORE)).contains(json("[\"Dune\",\"Emma\"]"));
        assertThat(read("$.store.book[1:10].title", STORE)).contains(json("[\"Emma\",\"Ulysses\"]"));
        assertThat(read("$.store.book[2:1]", STORE)).contains(json("[]"));
    }

    @Test
    void read_indefinitePathThroughMissingData_returnsAnEmptyArray() {
        assertThat(read("$.items[:1]", input("{}"))).contains(json("[]"));
        assertThat(read("$.item.items[1:5].value", input("{}"))).contains(json("[]"));
        assertThat(read("$.item[*]", input("{\"item\": 3}"))).contains(json("[]"));
    }

    @Test
    void read_wildcard_selectsArrayElementsAndObjectValues() {
        assertThat(read("$.store.book[*].price", STORE)).contains(json("[9, 12.5, 20]"));
        assertThat(read("$.store.bicycle.*", STORE)).contains(json("[\"red\", 19.95]"));
        assertThat(read("$.empty[*]", STORE)).contains(json("[]"));
    }

    @Test
    void read_unionOfNamesAtTheLeaf_mergesThemIntoOneObject() {
        assertThat(read("$.store.bicycle['color','price','none']", STORE))
                .contains(json("{\"color\": \"red\", \"price\": 19.95}"));
    }

    @Test
    void read_unionOfNamesInsideThePath_iteratesThem() {
        EvaluationScope scope = input("{\"a\": {\"v\": 1}, \"b\": {\"v\": 2}}");

        assertThat(read("$['a','b','c'].v", scope)).contains(json("[1, 2]"));
    }

    @Test
    void read_unionOfIndexes_selectsEachExistingElement() {
        assertThat(read("$.store.book[0,2,7].title", STORE)).contains(json("[\"Dune\",\"Ulysses\"]"));
    }

    @Test
    void read_recursiveDescent_findsNamesAtEveryDepth() {
        assertThat(read("$..price", STORE)).contains(json("[9, 12.5, 20, 19.95]"));
        assertThat(read("$..isbn", STORE)).contains(json("[\"0-1\", \"0-2\"]"));
        assertThat(read("$..tags[0]", STORE)).contains(json("[\"sf\", \"classic\"]"));
    }

    @Test
    void read_recursiveDescentWithFilter_returnsEachMatchOnce() {
        assertThat(read("$..[?(@.price > 15)].title", STORE)).contains(json("[\"Ulysses\"]"));
    }

    @Test
    void read_filterOnEquality_selectsMatchingElements() {
        EvaluationScope scope =
                input("{\"users\": [{\"n\": \"a\", \"s\": 0}, {\"n\": \"b\", \"s\": 1}, {\"n\": \"c\"}]}");

        assertThat(read("$.users[?(@.s == 0)]", scope)).contains(json("[{\"n\": \"a\", \"s\": 0}]"));
        assertThat(read("$.users[?(@.s != 0)].n", scope)).contains(json("[\"b\", \"c\"]"));
        assertThat(read("$.users[?(@.s == '1')].n", scope)).contains(json("[\"b\"]"));
    }

    @Test
    void read_filterWithComparisonsAndLogic_combinesThem() {
        assertThat(read("$.store.book[?(@.price >= 10 && @.price < 20)].title", STORE))
                .contains(json("[\"Emma\"]"));
        assertThat(read("$.store.book[?(@.price < 10 || @.title == 'Ulysses')].title", STORE))
                .contains(json("[\"Dune\", \"Ulysses\"]"));
        assertThat(read("$.store.book[?(!(@.price < 10))].title", STORE)).contains(json("[\"Emma\", \"Ulysses\"]"));
    }

    @Test
    void read_filterOnExistence_testsWhetherThePropertyIsPresent() {
        assertThat(read("$.store.book[?(@.isbn)].title", STORE)).contains(json("[\"Emma\", \"Ulysses\"]"));
        assertThat(read("$.store.book[?(!@.isbn)].title", STORE)).contains(json("[\"Dune\"]"));
    }

    @Test
    void read_filterWithRegexAndListOperators_matchesAsJayway() {
        assertThat(read("$.store.book[?(@.title =~ /e.*/i)].title", STORE)).contains(json("[\"Emma\"]"));
        assertThat(read("$.store.book[?(@.title in ['Dune', 'Emma'])].price", STORE))
                .contains(json("[9, 12.5]"));
        assertThat(read("$.store.book[?(@.tags contains 'long')].title", STORE)).contains(json("[\"Ulysses\"]"));
        assertThat(read("$.store.book[?(@.tags size 2)].title", STORE)).contains(json("[\"Ulysses\"]"));
        assertThat(read("$.store.book[?(@.tags anyof ['sf', 'x'])].title", STORE))
                .contains(json("[\"Dune\"]"));
    }

    @Test
    void read_filterAgainstTheRoot_comparesWithAnotherPartOfTheDocument() {
        EvaluationScope scope = input("{\"limit\": 10, \"xs\": [{\"v\": 5}, {\"v\": 15}]}");

        assertThat(read("$.xs[?(@.v > $.limit)]", scope)).contains(json("[{\"v\": 15}]"));
    }

    @Test
    void read_contextRoot_readsTheContextObject() {
        EvaluationScope scope = scope("{}", "{\"Execution\": {\"Input\": {\"input-value\": 0}}}", Map.of());

        assertThat(read("$$.Execution.Input.input-value", scope)).contains(json("0"));
        assertThat(read("$$", scope)).contains(json("{\"Execution\": {\"Input\": {\"input-value\": 0}}}"));
    }

    @Test
    void read_variableRoot_readsTheVariable() {
        EvaluationScope scope = scope("{}", "{}", Map.of("answer", "{\"list\": [1, 2]}", "x", "3"));

        assertThat(read("$x", scope)).contains(json("3"));
        assertThat(read("$answer.list[1]", scope)).contains(json("2"));
        assertThat(read("$answer['list'][*]", scope)).contains(json("[1, 2]"));
        assertThat(read("$unset", scope)).isEmpty();
    }

    @Test
    void read_functionCall_findsNothingAsOnAws() {
        assertThat(read("$.store.book.length()", STORE)).isEmpty();
        assertThat(read("$.store.book[*].price.sum()", STORE)).isEmpty();
    }

    @Test
    void read_sameCompiledPathFromManyThreads_givesTheSameResult() {
        JsonPath path = JsonPath.compile("$.store.book[?(@.price > 10)].title");

        assertThat(java.util.stream.IntStream.range(0, 200)
                        .parallel()
                        .mapToObj(i -> path.read(STORE).orElseThrow())
                        .distinct())
                .containsExactly(json("[\"Emma\", \"Ulysses\"]"));
    }

    @Test
    void isDefinite_namesAndSingleIndexes_areDefinite() {
        assertThat(JsonPath.compile("$.a[0]['b']").isDefinite()).isTrue();
        assertThat(JsonPath.compile("$['a','b']").isDefinite()).isTrue();
        assertThat(JsonPath.compile("$.a[*]").isDefinite()).isFalse();
        assertThat(JsonPath.compile("$.a[0,1]").isDefinite()).isFalse();
        assertThat(JsonPath.compile("$..a").isDefinite()).isFalse();
        assertThat(JsonPath.compile("$.a[1:]").isDefinite()).isFalse();
        assertThat(JsonPath.compile("$.a[?(@.b)]").isDefinite()).isFalse();
    }

    @Test
    void compile_roots_areRecognised() {
        assertThat(JsonPath.compile("$.a").root()).isEqualTo(JsonPath.Root.INPUT);
        assertThat(JsonPath.compile("$$.Execution.Id").root()).isEqualTo(JsonPath.Root.CONTEXT);
        JsonPath variable = JsonPath.compile("$my_var.x");
        assertThat(variable.root()).isEqualTo(JsonPath.Root.VARIABLE);
        assertThat(variable.variable()).contains("my_var");
        assertThat(variable.text()).isEqualTo("$my_var.x");
    }
}
