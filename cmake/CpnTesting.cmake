# cpn_add_test(NAME <tst_name> SOURCES <files...> LIBRARIES <libs...> LABEL unit|gui|integration)
# Registers a Qt Test executable with CTest, headless (offscreen) and labelled.
function(cpn_add_test)
    cmake_parse_arguments(ARG "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT ARG_LABEL)
        set(ARG_LABEL unit)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE cpn_common Qt6::Test ${ARG_LIBRARIES})
    target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
    if(TARGET cpn-nodesim)
        # Integration tests start the real simulator as a child process.
        list(APPEND env "CPN_NODESIM=$<TARGET_FILE:cpn-nodesim>")
        add_dependencies(${ARG_NAME} cpn-nodesim)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS ${ARG_LABEL}
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${env}")
endfunction()
