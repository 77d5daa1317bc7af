package id.dukcapil.portal.recording.api;

import id.dukcapil.portal.recording.QueueBoard;
import id.dukcapil.portal.staff.ServicePoints;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The display board as JSON, for display hardware other than a browser: public and read-only like the board itself
 * (numbers and desks, no names); served by the API's fallback chain, which lets anyone read. A point the office does
 * not have is a 404 problem, as any address the API does not have.
 */
@RestController
@RequestMapping(path = "/api/v1/recording/board", produces = "application/json")
class BoardController {

    private final QueueBoard board;
    private final ServicePoints servicePoints;

    BoardController(QueueBoard board, ServicePoints servicePoints) {
        this.board = board;
        this.servicePoints = servicePoints;
    }

    @GetMapping("/{servicePoint}")
    QueueBoard.Board board(@PathVariable String servicePoint) {
        if (servicePoint.length() > 20 || servicePoints.byCode(servicePoint).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return board.of(servicePoint);
    }
}
